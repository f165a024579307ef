import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isScalarType,
} from "graphql";

/**
 * What an audit line says a field acts on, derived from the field's argument types once, when
 * the schema is wrapped: every argument, or input-object field at any depth, that names a thing.
 * A leaf is kept when it is an `ID`, an enum (a token type, an authenticator kind), or a `String`
 * whose name is on the allow-list below; anything whose name or path says password, token, hash,
 * secret, code or data is never kept, whatever its type. Free text (templates, URLs, profile
 * fields, custom-object data) is not an identifier and stays out.
 */
const STRING_IDENTIFIERS = new Set([
  "email",
  "userName",
  "phone",
  "objectName",
  "context",
  "name",
  "roles",
  "permissions",
  "additionalPermissions",
  "emailType",
  "provider",
  "providerId",
]);
/** Kept by path: `value` alone says nothing, `emails.value` is an address. */
const STRING_PATHS = ["emails.value"];
const NEVER = /password|passcode|pin$|token|hash|secret|otp|code|data|apikey/i;

/** Lines are written before the act: a hostile caller's 10,000-item list stays bounded. */
const MAX_VALUES = 100;
const MAX_CHARS = 256;
/** A reason is validated to 500 characters after the intent is written; the line keeps 600. */
const MAX_REASON_CHARS = 600;

/** Keys an identifier may not take: the line's own. */
const ENVELOPE = new Set([
  "audit",
  "phase",
  "auditId",
  "time",
  "requestId",
  "clientRequestId",
  "caller",
  "callerKind",
  "operationName",
  "field",
  "alias",
  "reason",
  "outcome",
  "code",
]);

interface Leaf {
  /** `uid`, `roles.name`, `input.emails.value`. */
  key: string;
  path: readonly string[];
  /** Crosses a list: recorded as an array. */
  many: boolean;
}

/** The fields to audit, as a plan: which argument paths to copy into the line. */
export type SubjectPlan = readonly Leaf[];

const keeps = (type: GraphQLInputType, name: string, key: string): boolean => {
  const named = getNamedType(type);
  if (isEnumType(named)) return true;
  if (!isScalarType(named)) return false;
  if (named.name === "ID") return true;
  return (
    named.name === "String" &&
    (STRING_IDENTIFIERS.has(name) || STRING_PATHS.some((p) => key === p || key.endsWith(`.${p}`)))
  );
};

/** Whether a type, under its non-null and list wrappers, is a list. */
const crossesList = (type: GraphQLInputType): boolean => isListType(getNullableType(type));

const leavesOf = (
  name: string,
  type: GraphQLInputType,
  path: readonly string[],
  many: boolean,
  depth: number,
): Leaf[] => {
  const here = [...path, name];
  const key = here.join(".");
  if (NEVER.test(name) || depth > 4) return [];
  const listed = many || crossesList(type);
  const named = getNamedType(type);
  if (isInputObjectType(named))
    return Object.values(named.getFields()).flatMap((field) =>
      leavesOf(field.name, field.type, here, listed, depth + 1),
    );
  return keeps(type, name, key) ? [{ key, path: here, many: listed }] : [];
};

/**
 * The plan of one field. Throws at start-up (not per request) when an argument would take a key
 * of the line itself, so a new argument named `code` or `field` is noticed by whoever adds it.
 */
export const subjectPlanOf = (field: GraphQLField<unknown, unknown>): SubjectPlan => {
  const plan = field.args.flatMap((arg: GraphQLArgument) =>
    arg.name === "reason" ? [] : leavesOf(arg.name, arg.type, [], false, 0),
  );
  for (const leaf of plan)
    if (ENVELOPE.has(leaf.key))
      throw new Error(
        `Audit: argument "${leaf.key}" of ${field.name} would overwrite the line's own key.`,
      );
  return plan;
};

/** Invisible and control characters (zero-width, bidi overrides...) written as `\u{200b}`. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/**
 * Bounded, and readable as it is: the intent line is written before validation refuses a
 * disguised reason or identifier, so it must not disguise anything either.
 */
const clip = (value: string, max = MAX_CHARS): string =>
  (value.length > max ? `${value.slice(0, max)}…` : value).replace(
    INVISIBLE,
    (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`,
  );

/** Every value at `path` under `value`, lists flattened, at most MAX_VALUES. */
const collect = (value: unknown, path: readonly string[], into: string[]): void => {
  if (into.length >= MAX_VALUES || value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, path, into);
    return;
  }
  const [head, ...rest] = path;
  if (head === undefined) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
      into.push(clip(String(value)));
    return;
  }
  if (typeof value === "object") collect((value as Record<string, unknown>)[head], rest, into);
};

/** The identifiers of one call, by the plan: a string, or an array where a list was crossed. */
export const subjectOf = (
  plan: SubjectPlan,
  args: Readonly<Record<string, unknown>>,
): Record<string, string | string[]> => {
  const subject: Record<string, string | string[]> = {};
  for (const leaf of plan) {
    const values: string[] = [];
    collect(args, leaf.path, values);
    if (values.length === 0) continue;
    subject[leaf.key] = leaf.many ? values : (values[0] as string);
  }
  return subject;
};

/** The free-text reason, bounded like an identifier (validation refuses a longer one anyway). */
export const reasonOf = (args: Readonly<Record<string, unknown>>): { reason?: string } =>
  typeof args.reason === "string" ? { reason: clip(args.reason, MAX_REASON_CHARS) } : {};
