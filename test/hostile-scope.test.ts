import {
  type GraphQLField,
  type GraphQLNamedType,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildAppSchema } from "../src/schema.js";
import { SCOPE_NAMES } from "../src/sections.js";
import { ADA } from "./helpers/emulator.js";
import { type GqlResponse, type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

/**
 * A hostile caller holding only a write (or security) scope tries to read section data through
 * what a mutation returns: a no-op `updateAccount(...) { primaryEmail phone customFields }` with
 * `accounts:write` used to answer the whole profile. Every field of section data needs its
 * section's read scope wherever it is reached; a refused field is FORBIDDEN on its own path and
 * never takes the fields the caller may read (its siblings, the root's neighbours) with it.
 */

const schema = await buildAppSchema();
// biome-ignore lint/suspicious/noExplicitAny: fields of any type
type AnyField = GraphQLField<any, any>;

const ownScope = (field: AnyField) =>
  (field.extensions.readScope ?? field.extensions.scope) as string | undefined;
const isOpen = (field: AnyField) => ownScope(field) === undefined;
const isSectionData = (type: GraphQLNamedType) =>
  isObjectType(type) &&
  Object.values(type.getFields()).some((f) => typeof f.extensions.readScope === "string");

/** The mutations whose result is section data (Account, Role, CustomObjectRecord), from the schema. */
const SECTION_MUTATIONS = Object.values(schema.getMutationType()?.getFields() ?? {}).filter((f) =>
  isSectionData(getNamedType(f.type)),
);

/** Every field of a type without required arguments; an object field asks for `__typename`. */
const selectionOf = (type: GraphQLNamedType) =>
  isObjectType(type)
    ? Object.values(type.getFields())
        .filter((f) => !f.args.some((a) => isNonNullType(a.type)))
        .map((f) => (isLeafType(getNamedType(f.type)) ? f.name : `${f.name} { __typename }`))
        .join(" ")
    : "";

const TOKENS: Record<string, string[]> = {
  "tok-all": [...SCOPE_NAMES],
  "tok-read": ["accounts:read"],
  ...Object.fromEntries(SCOPE_NAMES.map((s) => [`tok-${s.replace(":", "-")}`, [s]])),
};
const tokenWith = (scope: string) => `tok-${scope.replace(":", "-")}`;

/** A record of Ada's, so `updateCustomObjectRecord` has one to change. */
const adaRecordId = async (stack: Stack) =>
  (
    await stack.gql(
      `{ accountByUid(uid: "${ADA}") { customObjects(objectName: "addresses") { id } } }`,
      {},
      { token: "tok-all" },
    )
  ).data.accountByUid.customObjects[0].id as string;

/**
 * The arguments of each such mutation: no-ops where the mutation allows one (the cheapest way
 * a hostile caller reads). A mutation added to the schema without a row here fails the first test.
 */
const ARGS: Record<string, (stack: Stack) => Promise<string> | string> = {
  createAccount: () =>
    'input: { emails: [{ type: "Primary", value: "hostile@example.net" }], password: "Strong-Pass-2024" }',
  updateAccount: () => `uid: "${ADA}", input: { firstName: "Ada" }`,
  updateAccountPhoneId: () => `uid: "${ADA}", phone: "+14155550101"`,
  removeAccountPhoneId: () => `uid: "${ADA}"`,
  upsertAccountEmail: () =>
    `uid: "${ADA}", emails: [{ type: "Primary", value: "ada@example.com" }]`,
  removeAccountEmail: () => `uid: "${ADA}", email: "ada.lovelace@work.example"`,
  unlockAccount: () => `uid: "${ADA}"`,
  createCustomObjectRecord: () => `uid: "${ADA}", objectName: "addresses", data: { label: "x" }`,
  updateCustomObjectRecord: async (stack) =>
    `uid: "${ADA}", objectName: "addresses", recordId: "${await adaRecordId(stack)}", data: {}, mode: MERGE`,
  createRoles: () => 'roles: [{ name: "hostile" }]',
  addRolePermissions: () => 'name: "viewer", permissions: ["content:read"]',
  removeRolePermissions: () => 'name: "viewer", permissions: ["not:held"]',
};

const forbiddenAt = (res: GqlResponse) =>
  (res.errors ?? []).map((e) => [e.path?.join("."), e.extensions?.code, e.extensions?.scope]);

describe("the schema: a scope governs a field wherever it is reached", () => {
  it("knows the mutations that return section data (derived from the schema)", () => {
    const names = SECTION_MUTATIONS.map((f) => f.name);
    expect(names).toContain("updateAccount");
    expect(names).toContain("unlockAccount");
    expect(names.filter((n) => !(n in ARGS))).toEqual([]);
  });

  it("through any mutation, without a read scope, reaches only identifiers and the act's output", () => {
    const reached = new Set<string>();
    const walk = (type: GraphQLNamedType, seen: Set<string>) => {
      if (!isObjectType(type) || seen.has(type.name)) return;
      for (const field of Object.values(type.getFields())) {
        if (!isOpen(field)) continue; // refused without its scope: the walk stops here
        const next = getNamedType(field.type);
        if (isLeafType(next)) reached.add(`${type.name}.${field.name}`);
        else walk(next, new Set([...seen, type.name]));
      }
    };
    for (const m of Object.values(schema.getMutationType()?.getFields() ?? {}))
      walk(getNamedType(m.type), new Set());
    const stray = [...reached].filter((path) => {
      const [typeName = ""] = path.split(".");
      // A payload is the act's own result (the token minted, the UID acted on); a section type's
      // open fields are the identifiers a writer already names.
      return !typeName.endsWith("Payload") && !isSectionData(schema.getType(typeName) as never);
    });
    expect(stray).toEqual([]);
    expect(reached).toContain("Account.uid");
    expect(reached).not.toContain("Account.primaryEmail");
  });

  it("makes every field a caller may be refused nullable, root fields included", () => {
    const strict: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("_")) continue;
      const root = type === schema.getQueryType() || type === schema.getMutationType();
      for (const field of Object.values(type.getFields())) {
        // Federation's own fields keep the spec's types (`_entities: [_Entity]!`).
        if (field.name.startsWith("_")) continue;
        if ((root || ownScope(field)) && isNonNullType(field.type))
          strict.push(`${type.name}.${field.name}`);
      }
    }
    expect(strict).toEqual([]);
  });

  it("guards with known scopes only", () => {
    const scopes = new Set<string>();
    for (const type of Object.values(schema.getTypeMap()))
      if (isObjectType(type))
        for (const f of Object.values(type.getFields())) {
          const scope = f.extensions.readScope;
          if (typeof scope === "string") scopes.add(scope);
        }
    expect([...scopes].sort()).toEqual(["accounts:read", "customobjects:read", "roles:read"]);
    expect([...scopes].filter((s) => !SCOPE_NAMES.includes(s))).toEqual([]);
  });
});

describe("hostile callers through HTTP with static tokens", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      env: {
        AUTH_TOKENS: authTokensEnv(
          Object.fromEntries(
            Object.entries(TOKENS).map(([t, scopes]) => [t, { name: `c-${t}`, scopes }]),
          ),
        ),
      },
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.reset());

  it("a no-op updateAccount with accounts:write alone reads nothing of the profile", async () => {
    const res = await stack.gql(
      `mutation { updateAccount(uid: "${ADA}", input: { firstName: "Ada" }) { uid primaryEmail phone customFields } }`,
      {},
      { token: tokenWith("accounts:write") },
    );
    expect(res.data.updateAccount).toEqual({
      uid: ADA,
      primaryEmail: null,
      phone: null,
      customFields: null,
    });
    expect(forbiddenAt(res)).toEqual([
      ["updateAccount.primaryEmail", "FORBIDDEN", "accounts:read"],
      ["updateAccount.phone", "FORBIDDEN", "accounts:read"],
      ["updateAccount.customFields", "FORBIDDEN", "accounts:read"],
    ]);
    const body = JSON.stringify(res);
    for (const secret of ["ada@example.com", "+14155550101", "enterprise"])
      expect(body).not.toContain(secret);
  });

  it.each(SECTION_MUTATIONS.map((f) => [f.name, f] as const))(
    "%s with only its own scope: the write works, identifiers only, FORBIDDEN on the rest",
    async (name, field) => {
      const type = getNamedType(field.type);
      if (!isObjectType(type)) throw new Error(`${name} returns no object`);
      const scope = field.extensions.scope as string;
      const args = await (ARGS[name] ?? (() => ""))(stack);
      await stack.reset();
      const res = await stack.gql(
        `mutation { ${name}(${args}) { ${selectionOf(type)} } }`,
        {},
        { token: tokenWith(scope) },
      );
      const writes = (await stack.calls()).filter((c) => c.method !== "GET" && c.status < 300);
      expect(writes.length).toBeGreaterThan(0);
      const result = res.data[name];
      const objects = (Array.isArray(result) ? result : [result]) as Record<string, unknown>[];
      expect(objects.length).toBeGreaterThan(0);
      const expected: (string | undefined)[][] = [];
      objects.forEach((object, index) => {
        const at = Array.isArray(result) ? `${name}.${index}` : name;
        for (const [fieldName, value] of Object.entries(object)) {
          const f = type.getFields()[fieldName];
          if (!f) throw new Error(`${fieldName} is not a field of ${type.name}`);
          // Open, or guarded by the very scope the caller holds (`passkeys` for accounts:security).
          if (isOpen(f) || ownScope(f) === scope)
            expect(value, `${at}.${fieldName}`).not.toBeNull();
          else {
            expect(value, `${at}.${fieldName}`).toBeNull();
            // A secret keeps its own (stronger) scope; the rest needs the section's read scope.
            expected.push([`${at}.${fieldName}`, "FORBIDDEN", ownScope(f)]);
          }
        }
      });
      expect(expected.length).toBeGreaterThan(0);
      expect(forbiddenAt(res).sort()).toEqual(expected.sort());
    },
  );

  it("the same mutation with the read scope too answers every field", async () => {
    const res = await stack.gql(
      `mutation { unlockAccount(uid: "${ADA}") { uid primaryEmail phone lockState { locked } } }`,
      {},
      { token: "tok-all" },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.unlockAccount).toMatchObject({ uid: ADA, primaryEmail: "ada@example.com" });
  });

  it("a FORBIDDEN root query field keeps its readable sibling's data", async () => {
    const res = await stack.gql(
      `{ accountByUid(uid: "${ADA}") { uid firstName } roles { name } }`,
      {},
      { token: "tok-read" },
    );
    expect(res.data).toEqual({ accountByUid: { uid: ADA, firstName: "Ada" }, roles: null });
    expect(forbiddenAt(res)).toEqual([["roles", "FORBIDDEN", "roles:read"]]);
  });

  it("a FORBIDDEN mutation keeps the result of the write beside it", async () => {
    const res = await stack.gql(
      `mutation {
        a: updateAccount(uid: "${ADA}", input: { firstName: "Augusta" }) { uid }
        b: createRoles(roles: [{ name: "hostile" }]) { name }
      }`,
      {},
      { token: tokenWith("accounts:write") },
    );
    expect(res.data).toEqual({ a: { uid: ADA }, b: null });
    expect(forbiddenAt(res)).toEqual([["b", "FORBIDDEN", "roles:write"]]);
    expect(await stack.routes()).toEqual(["PUT /identity/v2/manage/account/{uid}"]);
  });

  it("a refused non-identifier field leaves the object and its uid in place", async () => {
    const res = await stack.gql(
      `mutation { unlockAccount(uid: "${ADA}") { uid emails { value } lockState { locked } } }`,
      {},
      { token: tokenWith("accounts:security") },
    );
    expect(res.data.unlockAccount).toEqual({ uid: ADA, emails: null, lockState: null });
    expect(forbiddenAt(res).map(([path]) => path)).toEqual([
      "unlockAccount.emails",
      "unlockAccount.lockState",
    ]);
  });
});

describe("_entities with a representation of no entity type", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      env: { AUTH_TOKENS: authTokensEnv({ "tok-all": { name: "all", scopes: [...SCOPE_NAMES] } }) },
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.reset());

  const entities = (r: unknown[]) =>
    stack.gql(
      "query($r: [_Any!]!) { _entities(representations: $r) { ... on Account { uid } } }",
      { r },
      { token: "tok-all" },
    );
  const valid = { __typename: "Account", uid: ADA };

  it.each([
    ["a type that is not an entity", { __typename: "Role", name: "viewer" }, '"Role"'],
    ["a type that does not exist", { __typename: "NoSuchType", uid: ADA }, '"NoSuchType"'],
    ["no __typename", { uid: ADA }, "has no __typename"],
    ["a number as __typename", { __typename: 7 }, "has no __typename"],
    ["a string", "junk", "is a string"],
  ])("%s is BAD_USER_INPUT naming it, before any upstream call", async (_, bad, named) => {
    const res = await entities([valid, bad]);
    expect(res.status).toBe(200);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(res.errors?.[0]?.message).toContain("representation 1");
    expect(res.errors?.[0]?.message).toContain(named);
    expect(res.errors?.[0]?.message).toContain("expected one of: Account");
    expect(await stack.calls()).toEqual([]);
  });

  it("answers a non-entity type and an unknown one alike (no oracle for type names)", async () => {
    const role = (await entities([{ __typename: "Role" }])).errors?.[0]?.message;
    const none = (await entities([{ __typename: "Nope" }])).errors?.[0]?.message;
    expect(role?.replace('"Role"', "X")).toBe(none?.replace('"Nope"', "X"));
  });

  it("does not echo a long type name whole", async () => {
    const res = await entities([{ __typename: "A".repeat(10_000) }]);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message.length).toBeLessThan(300);
  });
});
