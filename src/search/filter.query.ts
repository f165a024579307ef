import { GraphQLError } from "graphql";
import { ErrorCodes } from "../errors.js";
import type { AccountFilter, DateFilter, IntFilter, StringFilter } from "./account-filter.input.js";

/** A Cloud Directory rule, and where in the filter it came from (for refusals). */
interface Rule {
  name: string;
  operator: string;
  value?: unknown;
  /** `email.contains`: the filter field and operator, as a refusal names them. */
  path: string;
  /** A list field (emails, roles): LoginRadius matches any element, so `not` cannot be pushed in. */
  list: boolean;
}
type Node = Rule | { all: Node[] } | { any: Node[] };

/** The Cloud Directory `q` tree (apidocs cloud-directory-api getting-started). */
export type DirectoryRule = { name: string; operator: string; value?: unknown };
export type DirectoryGroup = { group: { operator: "AND" | "OR"; rules: DirectoryNode[] } };
export type DirectoryNode = DirectoryRule | DirectoryGroup;
export type DirectoryQuery = DirectoryGroup | Record<string, never>;

/** How deep `and`/`or`/`not` may nest, and how many rules one search may hold. */
export const MAX_FILTER_DEPTH = 4;
export const MAX_RULES = 1000;
const MAX_VALUE_LENGTH = 256;

export const refuse = (path: string, why: string): GraphQLError =>
  new GraphQLError(`filter.${path}: ${why}`, {
    extensions: { code: ErrorCodes.BAD_USER_INPUT, field: `filter.${path}` },
  });

const STRINGS: Record<string, { name: string; text: boolean; list: boolean }> = {
  email: { name: "Email.Value", text: true, list: true },
  firstName: { name: "FirstName", text: true, list: false },
  lastName: { name: "LastName", text: true, list: false },
  fullName: { name: "FullName", text: true, list: false },
  city: { name: "City", text: true, list: false },
  userName: { name: "UserName", text: false, list: false },
  phoneId: { name: "PhoneId", text: false, list: false },
  gender: { name: "Gender", text: false, list: false },
  roles: { name: "Roles", text: false, list: true },
};
const BOOLS: Record<string, string> = {
  emailVerified: "EmailVerified",
  phoneIdVerified: "PhoneIdVerified",
  active: "IsActive",
  locked: "IsLoginLocked",
  deleted: "IsDeleted",
};
const DATES: Record<string, string> = {
  createdDate: "CreatedDate",
  modifiedDate: "ModifiedDate",
  lastLoginDate: "LastLoginDate",
};
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const CUSTOM_KEY = /^[A-Za-z0-9_]{1,64}$/;

const text = (path: string, value: string): string => {
  if (value.length === 0 || value.length > MAX_VALUE_LENGTH)
    throw refuse(path, `takes 1 to ${MAX_VALUE_LENGTH} characters.`);
  return value;
};

const rule = (
  path: string,
  name: string,
  operator: string,
  value?: unknown,
  list = false,
): Rule => ({
  path,
  name,
  operator,
  ...(value === undefined ? {} : { value }),
  list,
});

const anyOf = (path: string, values: readonly string[], make: (v: string) => Rule): Node => {
  if (values.length === 0 || values.length > MAX_RULES)
    throw refuse(path, `takes 1 to ${MAX_RULES} values.`);
  return { any: values.map(make) };
};

const stringRules = (
  field: string,
  { name, text: isText, list }: { name: string; text: boolean; list: boolean },
  f: StringFilter,
): Node[] => {
  const at = (op: string) => `${field}.${op}`;
  const out: Node[] = [];
  if (f.startsWith !== undefined && f.startsWith !== null)
    throw refuse(
      at("startsWith"),
      "LoginRadius search has no prefix match; use contains (whole words) or eq.",
    );
  if (f.contains !== undefined && f.contains !== null) {
    if (!isText)
      throw refuse(
        at("contains"),
        `${field} is not a text field in LoginRadius search; use eq or in.`,
      );
    out.push(rule(at("contains"), name, "Contains", text(at("contains"), f.contains), list));
  }
  if (f.eq !== undefined && f.eq !== null)
    out.push(rule(at("eq"), name, "=", text(at("eq"), f.eq), list));
  if (f.in)
    out.push(anyOf(at("in"), f.in, (v) => rule(at("in"), name, "=", text(at("in"), v), list)));
  if (f.exists !== undefined && f.exists !== null)
    out.push(rule(at("exists"), name, f.exists ? "EXISTS" : "NOT_EXISTS", undefined, list));
  return out;
};

const DATE_OPS: [keyof DateFilter, string][] = [
  ["after", ">"],
  ["onOrAfter", ">="],
  ["before", "<"],
  ["onOrBefore", "<="],
  ["on", "="],
];

const dateRules = (field: string, name: string, f: DateFilter): Node[] => {
  const out: Node[] = [];
  for (const [op, operator] of DATE_OPS) {
    const value = f[op];
    if (value === undefined || value === null) continue;
    if (
      typeof value !== "string" ||
      !DATE.test(value) ||
      Number.isNaN(Date.parse(value.slice(0, 23)))
    )
      throw refuse(
        `${field}.${op}`,
        "takes an ISO 8601 date (2024-05-01) or instant (2024-05-01T10:00:00Z).",
      );
    out.push(rule(`${field}.${op}`, name, operator, value));
  }
  if (f.exists !== undefined && f.exists !== null)
    out.push(rule(`${field}.exists`, name, f.exists ? "EXISTS" : "NOT_EXISTS"));
  return out;
};

const intRules = (f: IntFilter): Node[] =>
  (["eq", "gt", "gte", "lt", "lte"] as const)
    .filter((op) => f[op] !== undefined && f[op] !== null)
    .map((op) =>
      rule(
        `loginCount.${op}`,
        "NoOfLogins",
        { eq: "=", gt: ">", gte: ">=", lt: "<", lte: "<=" }[op],
        f[op],
      ),
    );

/** The rules of one filter object's own fields (ANDed). */
const fieldRules = (f: AccountFilter): Node[] => {
  const out: Node[] = [];
  if (f.uid?.eq) out.push(rule("uid.eq", "UID", "=", text("uid.eq", f.uid.eq)));
  if (f.uid?.in)
    out.push(anyOf("uid.in", f.uid.in, (v) => rule("uid.in", "UID", "=", text("uid.in", v))));
  for (const [field, spec] of Object.entries(STRINGS)) {
    const value = f[field as keyof AccountFilter] as StringFilter | undefined;
    if (value) out.push(...stringRules(field, spec, value));
  }
  for (const [field, name] of Object.entries(BOOLS)) {
    const value = f[field as keyof AccountFilter];
    if (typeof value === "boolean") out.push(rule(`${field}`, name, "=", value));
  }
  for (const [field, name] of Object.entries(DATES)) {
    const value = f[field as keyof AccountFilter] as DateFilter | undefined;
    if (value) out.push(...dateRules(field, name, value));
  }
  if (f.loginCount) out.push(...intRules(f.loginCount));
  for (const c of f.customFields ?? []) {
    if (!CUSTOM_KEY.test(c.key))
      throw refuse("customFields.key", "is letters, digits and _ (1 to 64).");
    out.push(rule("customFields.eq", `CustomFields.${c.key}`, "=", text("customFields.eq", c.eq)));
  }
  return out;
};

const node = (f: AccountFilter, depth: number, path: string): Node => {
  if (depth > MAX_FILTER_DEPTH)
    throw refuse(path, `and/or/not nest at most ${MAX_FILTER_DEPTH} deep.`);
  const parts = fieldRules(f);
  for (const [i, sub] of (f.and ?? []).entries())
    parts.push(node(sub, depth + 1, `${path}and[${i}]`));
  if (f.or) {
    if (f.or.length === 0) throw refuse(`${path}or`, "needs at least one filter.");
    parts.push({ any: f.or.map((sub, i) => node(sub, depth + 1, `${path}or[${i}]`)) });
  }
  if (f.not) parts.push(negate(node(f.not, depth + 1, `${path}not.`)));
  return { all: parts };
};

const OPPOSITE: Record<string, string> = {
  "=": "!=",
  "!=": "=",
  Contains: "Not_Contains",
  Not_Contains: "Contains",
  EXISTS: "NOT_EXISTS",
  NOT_EXISTS: "EXISTS",
  ">": "<=",
  ">=": "<",
  "<": ">=",
  "<=": ">",
};

/**
 * `not` pushed down to the rules (Cloud Directory groups have no NOT): De Morgan on groups, the
 * opposite operator on rules, and a range's opposite also matches accounts without the date.
 * A list field cannot be negated: LoginRadius matches any element, so `Roles != admin` would find
 * accounts that have admin and another role.
 */
const negate = (n: Node): Node => {
  if ("all" in n) return { any: n.all.map(negate) };
  if ("any" in n) return { all: n.any.map(negate) };
  if (n.list)
    throw refuse(`not.${n.path}`, "not over a list field (emails, roles) cannot be searched.");
  const operator = OPPOSITE[n.operator] ?? n.operator;
  const flipped: Rule = { ...n, operator };
  return [">", ">=", "<", "<="].includes(n.operator)
    ? { any: [flipped, rule(n.path, n.name, "NOT_EXISTS")] }
    : flipped;
};

const emit = (n: Node, budget: { rules: number }): DirectoryNode => {
  if ("all" in n || "any" in n) {
    const parts = "all" in n ? n.all : n.any;
    return {
      group: { operator: "all" in n ? "AND" : "OR", rules: parts.map((p) => emit(p, budget)) },
    };
  }
  if (++budget.rules > MAX_RULES)
    throw refuse(n.path, `a search holds at most ${MAX_RULES} rules.`);
  return { name: n.name, operator: n.operator, ...("value" in n ? { value: n.value } : {}) };
};

/** Drops empty groups and unwraps single-part ones, so `{}` finds everyone. */
const simplify = (n: Node): Node | null => {
  if (!("all" in n) && !("any" in n)) return n;
  const parts = ("all" in n ? n.all : n.any).map(simplify).filter((p): p is Node => p !== null);
  if (parts.length === 0) return null;
  const [only] = parts;
  if (parts.length === 1 && only) return only;
  return "all" in n ? { all: parts } : { any: parts };
};

/** An AccountFilter as a Cloud Directory `q`; BAD_USER_INPUT naming the field for what it cannot do. */
export const toDirectoryQuery = (filter: AccountFilter): DirectoryQuery => {
  const tree = simplify(node(filter, 0, ""));
  if (!tree) return {};
  const top = emit(tree, { rules: 0 });
  return "group" in top ? top : { group: { operator: "AND", rules: [top] } };
};

/** An OR of `UID =` rules: a batch of profile reads as one search. */
export const uidsQuery = (uids: readonly string[]): DirectoryQuery => ({
  group: { operator: "OR", rules: uids.map((uid) => ({ name: "UID", operator: "=", value: uid })) },
});
