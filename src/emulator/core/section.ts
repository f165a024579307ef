import type { CodeTable } from "./errors.js";
import type { PasswordPolicy } from "./password.js";
import type { Route } from "./request.js";

/** A journal entry of one slice, without the section tag (the storage adds it). */
export interface SliceEntry {
  t: string;
}

/**
 * One section's part of the emulator's state. The storage owns the journal: a slice never writes
 * to disk itself, it calls the `write` it was created with (journal first, then `apply`), so every
 * slice persists in the same file and resets with the same control.
 */
export interface StoreSlice<E extends SliceEntry = SliceEntry> {
  /** Forgets everything (the `clear` of a reset or of a journal replay). */
  clear(): void;
  /** Applies one entry: a live write or a replayed one. Unknown kinds must be ignored. */
  apply(entry: E): void;
  /** The entries that rebuild the seed state after a clear. */
  seedEntries(): Iterable<E>;
  /** The entries that rebuild the current state after a clear (journal compaction). */
  snapshot(): Iterable<E>;
  /** Counts for the health and reset controls, e.g. `{ accounts: 60 }`. */
  counts(): Record<string, number>;
}

/** Options every section is built with (from the emulator's environment). */
export interface SectionOptions {
  /** `demo` seeds demo data, `none` starts empty. */
  seed: "demo" | "none";
  /** How many demo records the main entity gets. */
  seedCount: number;
  password: PasswordPolicy;
  /** The Cloud Directory search: its index lag and its own per-second limit (0: none). */
  search?: { lagMs: number; perSecond: number };
}

/** Persists one entry of this slice (journal, then memory). */
export type SliceWriter<E extends SliceEntry> = (entry: E) => void;

/**
 * What a section folder exports: its name (the key of its slice in `RouteContext.stores`), its
 * store slice, its routes and the LoginRadius codes it can send. `src/emulator/sections.ts` lists
 * them; the core never imports a section.
 */
export interface EmulatedSection<
  Name extends string = string,
  Store extends StoreSlice = StoreSlice,
> {
  readonly name: Name;
  createStore(write: SliceWriter<SliceEntry>, options: SectionOptions): Store;
  // biome-ignore lint/suspicious/noExplicitAny: each section's routes declare the slices they read
  routes(options: SectionOptions): Route<any>[];
  readonly codes: CodeTable;
}

/** `{ accounts: AccountStore, roles: RoleStore }` from a list of sections. */
export type StoresOf<T extends readonly EmulatedSection[]> = {
  [S in T[number] as S["name"]]: ReturnType<S["createStore"]>;
};
