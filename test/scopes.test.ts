import { type FieldNode, type GraphQLField, type OperationDefinitionNode, parse } from "graphql";
import { getMetadataStorage } from "type-graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoCandidateToken } from "../src/emulator/identities/seed.js";
import type { Scope } from "../src/graphql/auth/scopes.js";
import { policyOf } from "../src/graphql/policy/index.js";
import { buildAppSchema } from "../src/schema.js";
import { SCOPE_NAMES } from "../src/sections.js";
import { ADA, GRACE, LINUS } from "./helpers/emulator.js";
import { type ScopeCase, scopeCasesOf } from "./helpers/policy-lists.js";
import { type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv, sha256Hex } from "./helpers/tokens.js";

/**
 * How to exercise each field guarded by a scope of its own: an operation that uses only that field
 * (inside the root field that reaches it, for an object field). What each case expects is read
 * from the schema (test/helpers/policy-lists.ts): the field's scope from its `@Policy`; for an
 * object field, the scope its root field needs too, and that root field's one call.
 */
const EXERCISES: Record<string, string> = {
  "Query.accountByUid": `{ accountByUid(uid: "${ADA}") { uid } }`,
  "Query.accountByEmail": '{ accountByEmail(email: "ada@example.com") { uid } }',
  "Query.accountByPhone": '{ accountByPhone(phone: "+14155550101") { uid } }',
  "Query.accountByUserName": '{ accountByUserName(userName: "ada") { uid } }',
  "Query.identitiesByEmail": '{ identitiesByEmail(email: "shared@example.com") { uid } }',
  "Query.searchAccounts":
    '{ searchAccounts(filter: { firstName: { eq: "Ada" } }) { totalCount edges { cursor node { uid } } } }',
  "Query.accountsByUids": `{ accountsByUids(uids: ["${ADA}", "${GRACE}"]) { uid } }`,
  "Query._entities(Account)": `{ _entities(representations: [{ __typename: "Account", uid: "${ADA}" }]) { ... on Account { uid } } }`,
  "Account.passwordHash": `{ accountByUid(uid: "${ADA}") { uid passwordHash } }`,
  "Mutation.createAccount":
    'mutation { createAccount(input: { emails: [{ type: "Primary", value: "scoped@example.net" }], password: "Strong-Pass-2024" }) { uid } }',
  "Mutation.updateAccount": `mutation { updateAccount(uid: "${ADA}", input: { firstName: "Augusta" }) { uid } }`,
  "Mutation.updateAccountPhoneId": `mutation { updateAccountPhoneId(uid: "${ADA}", phone: "+15550001234") { uid } }`,
  "Mutation.removeAccountPhoneId": `mutation { removeAccountPhoneId(uid: "${ADA}") { uid } }`,
  "Mutation.upsertAccountEmail": `mutation { upsertAccountEmail(uid: "${ADA}", emails: [{ type: "Business", value: "ada@biz.example" }]) { uid } }`,
  "Mutation.removeAccountEmail": `mutation { removeAccountEmail(uid: "${ADA}", email: "ada.lovelace@work.example") { uid } }`,
  "Mutation.updateAccountUid": `mutation { updateAccountUid(uid: "${GRACE}", newUid: "grace-2") { uid } }`,
  "Mutation.invalidateEmailVerification": `mutation { invalidateEmailVerification(uid: "${ADA}") { uid } }`,
  "Mutation.resetPhoneIdVerification": `mutation { resetPhoneIdVerification(uid: "${ADA}") { uid } }`,
  "Mutation.deleteAccount": `mutation { deleteAccount(uid: "${GRACE}", reason: "test") { uid } }`,
  "Mutation.deleteAccountsByEmail":
    'mutation { deleteAccountsByEmail(email: "grace@example.com", reason: "test") { deletedCount } }',
  "Mutation.setAccountPassword": `mutation { setAccountPassword(uid: "${ADA}", password: "Fresh-Pass-77", reason: "test") { uid } }`,
  "Mutation.generateForgotPasswordToken":
    'mutation { generateForgotPasswordToken(email: "ada@example.com") { token } }',
  "Mutation.generateEmailVerificationToken":
    'mutation { generateEmailVerificationToken(email: "ada@example.com") { token } }',
  "Mutation.revokeRefreshToken":
    'mutation { revokeRefreshToken(refreshToken: "nope") { revoked } }',
  "Mutation.revokeAllRefreshTokens": `mutation { revokeAllRefreshTokens(uid: "${ADA}") { revoked } }`,
  "Mutation.issueAccessToken": `mutation { issueAccessToken(uid: "${ADA}", reason: "test") { expiresAt } }`,
  "Mutation.refreshAccessToken":
    'mutation { refreshAccessToken(refreshToken: "nope") { expiresAt } }',
  "Mutation.linkIdentity": `mutation { linkIdentity(uid: "${LINUS}", candidateToken: "${demoCandidateToken("google")}", reason: "scope test") { uid } }`,
  "Mutation.unlinkIdentity": `mutation { unlinkIdentity(uid: "${ADA}", provider: "google", providerId: "nope", reason: "scope test") { uid } }`,
  "Account.backupCodes": `{ accountByUid(uid: "${ADA}") { uid backupCodes } }`,
  "Account.passkeys": `{ accountByUid(uid: "${ADA}") { uid passkeys { id } } }`,
  "Account.consentLogs": `{ accountByUid(uid: "${ADA}") { uid consentLogs { id } } }`,
  "Mutation.resetAuthenticator": `mutation { resetAuthenticator(uid: "${ADA}", kind: SMS_OTP) { uid } }`,
  "Mutation.resetBackupCodes": `mutation { resetBackupCodes(uid: "${ADA}") { codes } }`,
  "Mutation.removePasskey": `mutation { removePasskey(uid: "${ADA}", passkeyId: "nope") { uid } }`,
  "Mutation.unlockAccount": `mutation { unlockAccount(uid: "${ADA}") { uid } }`,
  "Mutation.validateReauthentication": `mutation { validateReauthentication(uid: "${ADA}", kind: PIN, token: "nope") { valid } }`,
  "Mutation.generateEmailToken":
    'mutation { generateEmailToken(type: FORGOT_PIN, email: "ada@example.com") { expiresAt } }',
  "Mutation.generateSmsOtp":
    'mutation { generateSmsOtp(type: FORGOT_PASSWORD, phone: "+14155550101") { expiresAt } }',
  "Mutation.generateSott": "mutation { generateSott { expiresAt } }",
  "Query.roles": "{ roles { name } }",
  "Query.accountsInRoleContext": '{ accountsInRoleContext(context: "eu-tenant") { uid } }',
  "Account.roleContexts": `{ accountByUid(uid: "${ADA}") { uid roleContexts { context } } }`,
  "Mutation.createRoles": 'mutation { createRoles(roles: [{ name: "scoped" }]) { name } }',
  "Mutation.deleteRole": 'mutation { deleteRole(name: "billing") { deleted } }',
  "Mutation.addRolePermissions":
    'mutation { addRolePermissions(name: "viewer", permissions: ["p"]) { name } }',
  "Mutation.removeRolePermissions":
    'mutation { removeRolePermissions(name: "viewer", permissions: ["content:read"]) { name } }',
  "Mutation.assignAccountRoles": `mutation { assignAccountRoles(uid: "${GRACE}", roles: ["billing"]) { uid } }`,
  "Mutation.unassignAccountRoles": `mutation { unassignAccountRoles(uid: "${GRACE}", roles: ["editor"]) { uid } }`,
  "Mutation.upsertAccountRoleContexts": `mutation { upsertAccountRoleContexts(uid: "${ADA}", contexts: [{ context: "x", roles: [] }]) { uid } }`,
  "Mutation.deleteAccountRoleContext": `mutation { deleteAccountRoleContext(uid: "${ADA}", context: "eu-tenant") { uid } }`,
  "Mutation.removeRolesFromRoleContext": `mutation { removeRolesFromRoleContext(uid: "${ADA}", context: "eu-tenant", roles: ["editor"]) { uid } }`,
  "Mutation.removeAdditionalPermissionsFromRoleContext": `mutation { removeAdditionalPermissionsFromRoleContext(uid: "${ADA}", context: "eu-tenant", permissions: ["export:csv"]) { uid } }`,
  "Query.customObjectRecord": `{ customObjectRecord(uid: "${ADA}", objectName: "addresses", recordId: "abc") { id } }`,
  "Account.customObjects": `{ accountByUid(uid: "${ADA}") { uid customObjects(objectName: "addresses") { id } } }`,
  "Mutation.createCustomObjectRecord": `mutation { createCustomObjectRecord(uid: "${ADA}", objectName: "addresses", data: {}) { id } }`,
  "Mutation.updateCustomObjectRecord": `mutation { updateCustomObjectRecord(uid: "${ADA}", objectName: "addresses", recordId: "abc", data: {}, mode: MERGE) { id } }`,
  "Mutation.deleteCustomObjectRecord": `mutation { deleteCustomObjectRecord(uid: "${ADA}", objectName: "addresses", recordId: "abc") { deleted } }`,
  "AccountActionPayload.account": `mutation { updateAccountUid(uid: "${GRACE}", newUid: "grace-4") { uid account { uid } } }`,
};

/** Scoped fields whose scope another test exercises, with where. */
const ELSEWHERE: Record<string, string> = {
  // Needs a fresh social identity to link each time: test/identities.test.ts ("linker").
  "IdentitiesPayload.identities": "test/identities.test.ts",
};

interface FieldCase extends ScopeCase {
  query: string;
  /** Scopes the rest of the operation needs (the root field around a guarded object field). */
  also: Scope[];
  /** Upstream calls the rest of the operation makes even when this field is denied. */
  baseline: number;
}

const schema = await buildAppSchema();
const rootFields = {
  ...schema.getQueryType()?.getFields(),
  ...schema.getMutationType()?.getFields(),
};

/** The case as the policy says: an object field's root field adds its scope and one call. */
const caseOf = (c: ScopeCase): FieldCase[] => {
  const query = EXERCISES[c.coordinate];
  if (query === undefined) return [];
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  const first = operation.selectionSet.selections[0] as FieldNode;
  const root = rootFields[first.name.value];
  const nested = first.name.value !== c.field;
  const rootScope = root && nested ? policyOf(root)?.scope : undefined;
  return [{ ...c, query, also: rootScope ? [rootScope] : [], baseline: nested ? 1 : 0 }];
};

const SCOPED = scopeCasesOf(schema);
const CASES: FieldCase[] = SCOPED.flatMap(caseOf);

/** The clear token of a caller holding exactly these scopes. */
const tokenFor = (scopes: readonly string[]) =>
  `tok_${[...scopes].sort().join(".").replaceAll(":", "-") || "none"}`;

const scopeSets: string[][] = [[...SCOPE_NAMES], []];
for (const c of CASES) {
  scopeSets.push([c.scope, ...c.also]);
  scopeSets.push(SCOPE_NAMES.filter((s) => s !== c.scope));
}
const AUTH_TOKENS = authTokensEnv(
  Object.fromEntries(
    // Caller names are at most 100 characters: a short digest of the token names each one.
    scopeSets.map((scopes) => [
      tokenFor(scopes),
      { name: `caller-${sha256Hex(tokenFor(scopes)).slice(0, 16)}`, scopes },
    ]),
  ),
);

describe("the scope table", () => {
  it("guards every root field with exactly one known scope (extension and @Authorized)", () => {
    const authorized = getMetadataStorage().authorizedFields;
    const unguarded: string[] = [];
    for (const type of [schema.getQueryType(), schema.getMutationType()])
      for (const field of Object.values(type?.getFields() ?? {})) {
        // Federation's fields are not type-graphql's: `_entities` checks the scope of each entity
        // type it is asked for (its table below), `_service` is exposed like introspection.
        if (field.name === "_service") continue;
        if (field.name === "_entities") {
          expect(field.extensions.scopes).toEqual({ Account: "accounts:read" });
          continue;
        }
        const scope = field.extensions.scope;
        const roles = authorized.find((a) => a.fieldName === field.name)?.roles ?? [];
        if (
          typeof scope !== "string" ||
          !SCOPE_NAMES.includes(scope as Scope) ||
          roles[0] !== scope
        )
          unguarded.push(`${type?.name}.${field.name}`);
      }
    expect(unguarded).toEqual([]);
  });

  it("exercises below every field whose policy names a scope (derived from the schema)", () => {
    expect(SCOPED.length).toBeGreaterThan(50);
    const missing = SCOPED.filter((c) => !(c.coordinate in EXERCISES || c.coordinate in ELSEWHERE));
    expect(missing.map((c) => c.coordinate)).toEqual([]);
    // `_service` needs no scope (test/federation.test.ts: refused where introspection is off).
    const roots = [schema.getQueryType(), schema.getMutationType()].flatMap((t) =>
      Object.keys(t?.getFields() ?? {}),
    );
    expect(roots.filter((f) => f !== "_service" && !CASES.some((c) => c.field === f))).toEqual([]);
    const stale = Object.keys({ ...EXERCISES, ...ELSEWHERE }).filter(
      (coordinate) => !SCOPED.some((c) => c.coordinate === coordinate),
    );
    expect(stale).toEqual([]);
  });

  it("guards each object field that names a scope with that scope, not its type's", () => {
    // Secrets keep their stronger scope: the read guard leaves a field with its own scope alone.
    const own = SCOPED.filter(
      (c) => !c.coordinate.startsWith("Query.") && !c.coordinate.startsWith("Mutation."),
    );
    expect(own.map((c) => c.coordinate)).toContain("Account.passwordHash");
    const wrong = own.filter((c) => {
      const [typeName = "", name = ""] = c.coordinate.split(".");
      const type = schema.getType(typeName) as {
        getFields(): Record<string, GraphQLField<unknown, unknown>>;
      };
      const field = type.getFields()[name];
      return field?.extensions.scope !== c.scope || field.extensions.readScope !== undefined;
    });
    expect(wrong).toEqual([]);
  });

  it("guards section data with its read scope, identifiers and secrets aside", () => {
    const guards = (typeName: string) => {
      const type = schema.getTypeMap()[typeName] as unknown as {
        getFields(): Record<string, { extensions: Record<string, unknown> }>;
      };
      return Object.entries(type.getFields()).map(([name, f]) => [
        name,
        f.extensions.readScope ?? (f.extensions.scope ? "own" : "open"),
      ]);
    };
    const open = (typeName: string) =>
      guards(typeName)
        .filter(([, g]) => g === "open")
        .map(([n]) => n);
    expect(open("Account")).toEqual(["uid"]);
    expect(open("Role")).toEqual(["name"]);
    expect(open("CustomObjectRecord")).toEqual(["id", "uid", "objectName"]);
    expect(Object.fromEntries(guards("Account"))).toMatchObject({
      primaryEmail: "accounts:read",
      customFields: "accounts:read",
      privacyPolicyHistory: "accounts:read",
      passwordHash: "own",
      roleContexts: "own",
    });
    expect(Object.fromEntries(guards("Role")).permissions).toBe("roles:read");
    expect(Object.fromEntries(guards("CustomObjectRecord")).data).toBe("customobjects:read");
  });
});

describe("scopes per field, through HTTP with static tokens", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { AUTH_TOKENS } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.reset());

  it.each(CASES)(
    "$field ($scope) is FORBIDDEN without its scope, with no upstream call for it",
    async (c) => {
      const res = await stack.gql(
        c.query,
        {},
        { token: tokenFor(SCOPE_NAMES.filter((s) => s !== c.scope)) },
      );
      const error = res.errors?.find((e) => e.path?.includes(c.field));
      expect(error?.extensions).toEqual({ code: "FORBIDDEN", scope: c.scope });
      expect(error?.message).toContain(`needs the scope ${c.scope}`);
      expect(await stack.calls()).toHaveLength(c.baseline);
      expect((await stack.lr.control("GET", "/outbox")).body.messages).toEqual([]);
    },
  );

  it.each(CASES)("$field runs with exactly $scope (and what the rest needs)", async (c) => {
    const res = await stack.gql(c.query, {}, { token: tokenFor([c.scope, ...c.also]) });
    expect(res.errors?.filter((e) => e.extensions?.code === "FORBIDDEN") ?? []).toEqual([]);
    expect((await stack.calls()).length).toBeGreaterThan(c.baseline);
  });

  it("a caller with no scopes is authenticated but may use nothing", async () => {
    const res = await stack.gql(
      `{ accountByUid(uid: "${ADA}") { uid } }`,
      {},
      { token: tokenFor([]) },
    );
    expect(res.status).toBe(200);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("denies one field and answers the others in the same operation", async () => {
    const res = await stack.gql(
      `{ a: accountByUid(uid: "${ADA}") { firstName passwordHash } }`,
      {},
      { token: tokenFor(["accounts:read"]) },
    );
    expect(res.data.a).toEqual({ firstName: "Ada", passwordHash: null });
    expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [["a", "passwordHash"], "FORBIDDEN"],
    ]);
    expect((await stack.calls()).map((c) => c.route)).toEqual([
      "GET /identity/v2/manage/account/{uid}",
    ]);
  });

  it("an action payload's account needs accounts:read", async () => {
    const res = await stack.gql(
      `mutation { updateAccountUid(uid: "${GRACE}", newUid: "grace-3") { uid account { uid } } }`,
      {},
      { token: tokenFor(SCOPE_NAMES.filter((s) => s !== "accounts:read")) },
    );
    expect(res.data.updateAccountUid).toEqual({ uid: "grace-3", account: null });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await stack.calls()).map((c) => c.method)).toEqual(["PUT"]);
  });
});
