import { SEARCH } from "./codes.js";
import { type DirectoryType, directoryType, valuesAt } from "./directory-fields.js";
import { dayRange, instantOf, termsOf } from "./text.js";

type Profile = Record<string, unknown>;
export type Predicate = (profile: Profile) => boolean;

/** Nesting and size limits of a `q` tree (UNCONFIRMED: 1,024 is Elasticsearch's default clause cap). */
export const MAX_GROUP_DEPTH = 10;
export const MAX_RULES = 1024;

const OPERATORS: Record<DirectoryType, readonly string[]> = {
  string: ["=", "!="],
  strings: ["=", "!="],
  bool: ["=", "!="],
  text: ["CONTAINS", "NOT_CONTAINS"],
  "text&string": ["=", "!=", "CONTAINS", "NOT_CONTAINS"],
  date: [">", ">=", "<", "<=", "BETWEEN", "=", "!="],
  int: [">", ">=", "<", "<=", "BETWEEN", "=", "!="],
};

const malformed = (description: string) => SEARCH.fail(957, { description });

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Keys of a rule or group in any casing (LoginRadius's own example writes `Value`). */
const key = (o: Record<string, unknown>, name: string): unknown =>
  Object.entries(o).find(([k]) => k.toLowerCase() === name)?.[1];

/** A number or a date as a comparable [low, high] range (a date alone is its whole UTC day). */
const rangeOf = (type: DirectoryType, value: unknown, name: string): [number, number] => {
  if (type === "int") {
    if (typeof value !== "number" || !Number.isInteger(value))
      throw malformed(`${name} takes an integer value.`);
    return [value, value];
  }
  const range = typeof value === "string" ? dayRange(value) : undefined;
  if (!range) throw malformed(`${name} takes an ISO 8601 date (BirthDate also MM-DD-YYYY).`);
  return range;
};

const numbersOf = (type: DirectoryType, profile: Profile, name: string): number[] =>
  valuesAt(profile, name)
    .map((v) => (type === "int" ? (typeof v === "number" ? v : Number.NaN) : instantOf(v)))
    .filter((v) => !Number.isNaN(v));

const compare =
  (op: string, [low, high]: [number, number]) =>
  (v: number) =>
    op === ">"
      ? v > high
      : op === ">="
        ? v >= low
        : op === "<"
          ? v < low
          : op === "<="
            ? v <= high
            : v >= low && v <= high;

/** A rule on a number or date: comparisons, BETWEEN [a, b] inclusive, `=` within, `!=` outside. */
const rangeRule = (type: DirectoryType, name: string, op: string, value: unknown): Predicate => {
  if (op === "BETWEEN") {
    if (!Array.isArray(value) || value.length !== 2)
      throw malformed(`BETWEEN on ${name} takes [from, to].`);
    const from = rangeOf(type, value[0], name)[0];
    const to = rangeOf(type, value[1], name)[1];
    return (p) => numbersOf(type, p, name).some(compare("BETWEEN", [from, to]));
  }
  const range = rangeOf(type, value, name);
  if (op === "!=") return (p) => !numbersOf(type, p, name).some(compare("=", range));
  return (p) => numbersOf(type, p, name).some(compare(op, range));
};

/** `=` / `!=` on strings and booleans: whole value, case-sensitive; arrays match on any element. */
const equalityRule = (type: DirectoryType, name: string, op: string, value: unknown): Predicate => {
  const ok = type === "bool" ? typeof value === "boolean" : typeof value === "string";
  if (!ok) throw malformed(`${name} takes a ${type === "bool" ? "boolean" : "string"} value.`);
  const has: Predicate = (p) => valuesAt(p, name).some((v) => v === value);
  // UNCONFIRMED: `!=` is the negation of `=` (a missing value is "not equal").
  return op === "=" ? has : (p) => !has(p);
};

/** `Contains`: at least one of the value's terms among the field's terms (case-insensitive). */
const textRule = (name: string, op: string, value: unknown): Predicate => {
  if (typeof value !== "string") throw malformed(`${name} takes a text value.`);
  const wanted = termsOf(value);
  const has: Predicate = (p) => {
    const terms = new Set(valuesAt(p, name).flatMap((v) => termsOf(String(v))));
    return wanted.some((t) => terms.has(t));
  };
  return op === "CONTAINS" ? has : (p) => !has(p);
};

const ruleOf = (rule: Record<string, unknown>): Predicate => {
  const name = key(rule, "name");
  const operator = key(rule, "operator");
  if (typeof name !== "string" || typeof operator !== "string")
    throw malformed("A rule needs a name and an operator.");
  const type = directoryType(name);
  if (!type) throw malformed(`${name} is not a queryable field.`);
  const op = operator.toUpperCase();
  if (op === "EXISTS") return (p) => valuesAt(p, name).length > 0;
  if (op === "NOT_EXISTS") return (p) => valuesAt(p, name).length === 0;
  if (!OPERATORS[type].includes(op))
    throw malformed(`${name} (${type}) does not support the operator ${operator}.`);
  const value = key(rule, "value");
  if (op === "CONTAINS" || op === "NOT_CONTAINS") return textRule(name, op, value);
  if (type === "date" || type === "int") return rangeRule(type, name, op, value);
  return equalityRule(type, name, op, value);
};

interface Budget {
  rules: number;
}

/** An OR of `name = "string"` rules on one field (a batch of UIDs): one set lookup per value. */
const anyEqual = (rules: unknown[]): Predicate | undefined => {
  const first = rules[0];
  if (!isObject(first)) return undefined;
  const name = key(first, "name");
  if (typeof name !== "string" || directoryType(name) !== "string") return undefined;
  const values = new Set<string>();
  for (const rule of rules) {
    if (!isObject(rule) || key(rule, "name") !== name || key(rule, "operator") !== "=")
      return undefined;
    const value = key(rule, "value");
    if (typeof value !== "string") return undefined;
    values.add(value);
  }
  return (p) => valuesAt(p, name).some((v) => typeof v === "string" && values.has(v));
};

const groupOf = (group: unknown, depth: number, budget: Budget): Predicate => {
  if (!isObject(group)) throw malformed("A group must be an object.");
  if (depth > MAX_GROUP_DEPTH) throw malformed(`Groups nest at most ${MAX_GROUP_DEPTH} deep.`);
  const operator = String(key(group, "operator") ?? "").toUpperCase();
  const rules = key(group, "rules");
  if (operator !== "AND" && operator !== "OR") throw malformed("A group's operator is AND or OR.");
  if (!Array.isArray(rules) || rules.length === 0) throw malformed("A group needs rules.");
  const fast = operator === "OR" ? anyEqual(rules) : undefined;
  if (fast) {
    budget.rules += rules.length;
    if (budget.rules > MAX_RULES) throw malformed(`A query holds at most ${MAX_RULES} rules.`);
    return fast;
  }
  const parts = rules.map((item) => nodeOf(item, depth, budget));
  return operator === "AND" ? (p) => parts.every((f) => f(p)) : (p) => parts.some((f) => f(p));
};

const nodeOf = (node: unknown, depth: number, budget: Budget): Predicate => {
  if (!isObject(node)) throw malformed("A rule must be an object.");
  const group = key(node, "group");
  if (group !== undefined) return groupOf(group, depth + 1, budget);
  budget.rules++;
  if (budget.rules > MAX_RULES) throw malformed(`A query holds at most ${MAX_RULES} rules.`);
  return ruleOf(node);
};

/** The `q` of a search as a predicate over profiles: `{}` or absent matches everything. */
export const parseQuery = (q: unknown): Predicate => {
  if (q === undefined || q === null) return () => true;
  if (!isObject(q)) throw malformed("q must be an object.");
  if (Object.keys(q).length === 0) return () => true;
  return nodeOf(q, 0, { rules: 0 });
};
