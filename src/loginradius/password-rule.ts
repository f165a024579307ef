/**
 * Which password rule a LoginRadius 1134 reports. LoginRadius names the failed rule only in
 * `Errors[].ErrorMessage` (its wording, per site and language), so the message of a password
 * field is read here, matched against the rules LoginRadius's password policy has (length bounds,
 * character classes, common and breached passwords), and only the tag is kept: no upstream word
 * travels further than this function.
 */
export type PasswordRule =
  | "MIN_LENGTH"
  | "MAX_LENGTH"
  | "UPPERCASE"
  | "LOWERCASE"
  | "DIGIT"
  | "SPECIAL_CHARACTER"
  | "COMMON_PASSWORD"
  | "BREACHED_PASSWORD"
  | "POLICY";

/**
 * First match wins: a breach or dictionary hit before the rules its text may mention, a
 * character class before length ("at least one uppercase letter" is not a length).
 */
const RULES: [PasswordRule, RegExp][] = [
  ["BREACHED_PASSWORD", /breach|pwned|compromised|exposed|leaked/i],
  ["COMMON_PASSWORD", /common|dictionary|guessable|vulnerab|blacklist|blocklist|banned/i],
  ["UPPERCASE", /upper\s*-?case|capital/i],
  ["LOWERCASE", /lower\s*-?case|small letter/i],
  ["DIGIT", /digit|(?<!alpha)numeric|numeral|\bnumbers?\b(?!\s+of)/i],
  ["SPECIAL_CHARACTER", /special|symbol|non-?alphanumeric|punctuation/i],
  ["MIN_LENGTH", /at least|minimum|too short|shorter|fewer than/i],
  ["MAX_LENGTH", /at most|maximum|too long|longer than|more than/i],
];

/** A wire `Errors[]` entry as LoginRadius sends it. */
export interface WireFieldError {
  FieldName: string;
  ErrorMessage?: string | null | undefined;
}

const isPasswordField = (name: string): boolean => /password/i.test(name);

/** The rule the first password entry of `Errors[]` reports; null when no entry is a password's. */
export const passwordRuleOf = (errors: readonly WireFieldError[]): PasswordRule | null => {
  const entry = errors.find((e) => isPasswordField(e.FieldName));
  if (!entry) return null;
  const message = entry.ErrorMessage ?? "";
  return RULES.find(([, pattern]) => pattern.test(message))?.[0] ?? "POLICY";
};
