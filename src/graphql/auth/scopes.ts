/**
 * A scope is a name such as `accounts:read`. Each section declares its own table (scope -> what
 * it allows) and src/sections.ts merges them; the code here and in bearer-tokens.ts and jwt.ts
 * takes the known names as a parameter, so it names no section.
 */
export type Scope = string;

/** Scope name -> what it allows. */
export type ScopeTable = Readonly<Record<Scope, string>>;
