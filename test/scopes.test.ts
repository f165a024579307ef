import { getMetadataStorage } from "type-graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoCandidateToken } from "../src/emulator/identities/seed.js";
import type { Scope } from "../src/graphql/auth/scopes.js";
import { buildAppSchema } from "../src/schema.js";
import { SCOPE_NAMES } from "../src/sections.js";
import { ADA, GRACE, LINUS } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv, sha256Hex } from "./helpers/tokens.js";

interface FieldCase {
  field: string;
  scope: Scope;
  query: string;
  /** Scopes the rest of the operation needs (the root field around a guarded object field). */
  also?: Scope[];
  /** Upstream calls the rest of the operation makes even when this field is denied. */
  baseline?: number;
}

const q = (field: string, scope: Scope, query: string, extra: Partial<FieldCase> = {}) => ({
  field,
  scope,
  query,
  ...extra,
});

/** One operation per guarded field, each using only that field (plus what `also` says). */
const CASES: FieldCase[] = [
  q("accountByUid", "accounts:read", `{ accountByUid(uid: "${ADA}") { uid } }`),
  q("accountByEmail", "accounts:read", '{ accountByEmail(email: "ada@example.com") { uid } }'),
  q("accountByPhone", "accounts:read", '{ accountByPhone(phone: "+14155550101") { uid } }'),
  q("accountByUserName", "accounts:read", '{ accountByUserName(userName: "ada") { uid } }'),
  q(
    "identitiesByEmail",
    "accounts:read",
    '{ identitiesByEmail(email: "shared@example.com") { uid } }',
  ),
  q("accountsByUids", "accounts:read", `{ accountsByUids(uids: ["${ADA}", "${GRACE}"]) { uid } }`),
  q(
    "searchAccounts",
    "accounts:search",
    '{ searchAccounts(filter: { firstName: { eq: "Ada" } }) { totalCount edges { cursor node { uid } } } }',
  ),
  q(
    "_entities",
    "accounts:read",
    `{ _entities(representations: [{ __typename: "Account", uid: "${ADA}" }]) { ... on Account { uid } } }`,
  ),
  q(
    "passwordHash",
    "accounts:credentials",
    `{ accountByUid(uid: "${ADA}") { uid passwordHash } }`,
    {
      also: ["accounts:read"],
      baseline: 1,
    },
  ),
  q(
    "createAccount",
    "accounts:write",
    'mutation { createAccount(input: { emails: [{ type: "Primary", value: "scoped@example.net" }], password: "Strong-Pass-2024" }) { uid } }',
  ),
  q(
    "updateAccount",
    "accounts:write",
    `mutation { updateAccount(uid: "${ADA}", input: { firstName: "Augusta" }) { uid } }`,
  ),
  q(
    "updateAccountPhoneId",
    "accounts:write",
    `mutation { updateAccountPhoneId(uid: "${ADA}", phone: "+15550001234") { uid } }`,
  ),
  q(
    "removeAccountPhoneId",
    "accounts:write",
    `mutation { removeAccountPhoneId(uid: "${ADA}") { uid } }`,
  ),
  q(
    "upsertAccountEmail",
    "accounts:write",
    `mutation { upsertAccountEmail(uid: "${ADA}", emails: [{ type: "Business", value: "ada@biz.example" }]) { uid } }`,
  ),
  q(
    "removeAccountEmail",
    "accounts:write",
    `mutation { removeAccountEmail(uid: "${ADA}", email: "ada.lovelace@work.example") { uid } }`,
  ),
  q(
    "updateAccountUid",
    "accounts:write",
    `mutation { updateAccountUid(uid: "${GRACE}", newUid: "grace-2") { uid } }`,
  ),
  q(
    "invalidateEmailVerification",
    "accounts:write",
    `mutation { invalidateEmailVerification(uid: "${ADA}") { uid } }`,
  ),
  q(
    "resetPhoneIdVerification",
    "accounts:write",
    `mutation { resetPhoneIdVerification(uid: "${ADA}") { uid } }`,
  ),
  q(
    "deleteAccount",
    "accounts:delete",
    `mutation { deleteAccount(uid: "${GRACE}", reason: "test") { uid } }`,
  ),
  q(
    "deleteAccountsByEmail",
    "accounts:delete",
    'mutation { deleteAccountsByEmail(email: "grace@example.com", reason: "test") { deletedCount } }',
  ),
  q(
    "setAccountPassword",
    "accounts:credentials",
    `mutation { setAccountPassword(uid: "${ADA}", password: "Fresh-Pass-77", reason: "test") { uid } }`,
  ),
  q(
    "generateForgotPasswordToken",
    "accounts:credentials",
    'mutation { generateForgotPasswordToken(email: "ada@example.com") { token } }',
  ),
  q(
    "generateEmailVerificationToken",
    "accounts:credentials",
    'mutation { generateEmailVerificationToken(email: "ada@example.com") { token } }',
  ),
  q(
    "revokeRefreshToken",
    "accounts:credentials",
    'mutation { revokeRefreshToken(refreshToken: "nope") { revoked } }',
  ),
  q(
    "revokeAllRefreshTokens",
    "accounts:credentials",
    `mutation { revokeAllRefreshTokens(uid: "${ADA}") { revoked } }`,
  ),
  q(
    "issueAccessToken",
    "accounts:impersonate",
    `mutation { issueAccessToken(uid: "${ADA}", reason: "test") { expiresAt } }`,
  ),
  q(
    "refreshAccessToken",
    "accounts:impersonate",
    'mutation { refreshAccessToken(refreshToken: "nope") { expiresAt } }',
  ),
  q(
    "linkIdentity",
    "accounts:identities",
    `mutation { linkIdentity(uid: "${LINUS}", candidateToken: "${demoCandidateToken("google")}", reason: "scope test") { uid } }`,
  ),
  q(
    "unlinkIdentity",
    "accounts:identities",
    `mutation { unlinkIdentity(uid: "${ADA}", provider: "google", providerId: "nope", reason: "scope test") { uid } }`,
  ),
  q("backupCodes", "accounts:credentials", `{ accountByUid(uid: "${ADA}") { uid backupCodes } }`, {
    also: ["accounts:read"],
    baseline: 1,
  }),
  q("passkeys", "accounts:security", `{ accountByUid(uid: "${ADA}") { uid passkeys { id } } }`, {
    also: ["accounts:read"],
    baseline: 1,
  }),
  q(
    "consentLogs",
    "accounts:security",
    `{ accountByUid(uid: "${ADA}") { uid consentLogs { id } } }`,
    { also: ["accounts:read"], baseline: 1 },
  ),
  q(
    "resetAuthenticator",
    "accounts:security",
    `mutation { resetAuthenticator(uid: "${ADA}", kind: SMS_OTP) { uid } }`,
  ),
  q(
    "resetBackupCodes",
    "accounts:credentials",
    `mutation { resetBackupCodes(uid: "${ADA}") { codes } }`,
  ),
  q(
    "removePasskey",
    "accounts:security",
    `mutation { removePasskey(uid: "${ADA}", passkeyId: "nope") { uid } }`,
  ),
  q("unlockAccount", "accounts:security", `mutation { unlockAccount(uid: "${ADA}") { uid } }`),
  q(
    "validateReauthentication",
    "accounts:security",
    `mutation { validateReauthentication(uid: "${ADA}", kind: PIN, token: "nope") { valid } }`,
  ),
  q(
    "generateEmailToken",
    "accounts:credentials",
    'mutation { generateEmailToken(type: FORGOT_PIN, email: "ada@example.com") { expiresAt } }',
  ),
  q(
    "generateSmsOtp",
    "accounts:credentials",
    'mutation { generateSmsOtp(type: FORGOT_PASSWORD, phone: "+14155550101") { expiresAt } }',
  ),
  q("generateSott", "accounts:credentials", "mutation { generateSott { expiresAt } }"),
  q("roles", "roles:read", "{ roles { name } }"),
  q(
    "accountsInRoleContext",
    "roles:read",
    '{ accountsInRoleContext(context: "eu-tenant") { uid } }',
  ),
  q(
    "roleContexts",
    "roles:read",
    `{ accountByUid(uid: "${ADA}") { uid roleContexts { context } } }`,
    {
      also: ["accounts:read"],
      baseline: 1,
    },
  ),
  q("createRoles", "roles:write", 'mutation { createRoles(roles: [{ name: "scoped" }]) { name } }'),
  q("deleteRole", "roles:write", 'mutation { deleteRole(name: "billing") { deleted } }'),
  q(
    "addRolePermissions",
    "roles:write",
    'mutation { addRolePermissions(name: "viewer", permissions: ["p"]) { name } }',
  ),
  q(
    "removeRolePermissions",
    "roles:write",
    'mutation { removeRolePermissions(name: "viewer", permissions: ["content:read"]) { name } }',
  ),
  q(
    "assignAccountRoles",
    "roles:write",
    `mutation { assignAccountRoles(uid: "${GRACE}", roles: ["billing"]) { uid } }`,
  ),
  q(
    "unassignAccountRoles",
    "roles:write",
    `mutation { unassignAccountRoles(uid: "${GRACE}", roles: ["editor"]) { uid } }`,
  ),
  q(
    "upsertAccountRoleContexts",
    "roles:write",
    `mutation { upsertAccountRoleContexts(uid: "${ADA}", contexts: [{ context: "x", roles: [] }]) { uid } }`,
  ),
  q(
    "deleteAccountRoleContext",
    "roles:write",
    `mutation { deleteAccountRoleContext(uid: "${ADA}", context: "eu-tenant") { uid } }`,
  ),
  q(
    "removeRolesFromRoleContext",
    "roles:write",
    `mutation { removeRolesFromRoleContext(uid: "${ADA}", context: "eu-tenant", roles: ["editor"]) { uid } }`,
  ),
  q(
    "removeAdditionalPermissionsFromRoleContext",
    "roles:write",
    `mutation { removeAdditionalPermissionsFromRoleContext(uid: "${ADA}", context: "eu-tenant", permissions: ["export:csv"]) { uid } }`,
  ),
  q(
    "customObjectRecord",
    "customobjects:read",
    `{ customObjectRecord(uid: "${ADA}", objectName: "addresses", recordId: "abc") { id } }`,
  ),
  q(
    "customObjects",
    "customobjects:read",
    `{ accountByUid(uid: "${ADA}") { uid customObjects(objectName: "addresses") { id } } }`,
    { also: ["accounts:read"], baseline: 1 },
  ),
  q(
    "createCustomObjectRecord",
    "customobjects:write",
    `mutation { createCustomObjectRecord(uid: "${ADA}", objectName: "addresses", data: {}) { id } }`,
  ),
  q(
    "updateCustomObjectRecord",
    "customobjects:write",
    `mutation { updateCustomObjectRecord(uid: "${ADA}", objectName: "addresses", recordId: "abc", data: {}, mode: MERGE) { id } }`,
  ),
  q(
    "deleteCustomObjectRecord",
    "customobjects:write",
    `mutation { deleteCustomObjectRecord(uid: "${ADA}", objectName: "addresses", recordId: "abc") { deleted } }`,
  ),
];

/** The clear token of a caller holding exactly these scopes. */
const tokenFor = (scopes: readonly string[]) =>
  `tok_${[...scopes].sort().join(".").replaceAll(":", "-") || "none"}`;

const scopeSets: string[][] = [[...SCOPE_NAMES], []];
for (const c of CASES) {
  scopeSets.push([c.scope, ...(c.also ?? [])]);
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

describe("the scope table", async () => {
  const schema = await buildAppSchema();

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

  it("covers every root field in the tests below", () => {
    const fields = [schema.getQueryType(), schema.getMutationType()].flatMap((t) =>
      Object.keys(t?.getFields() ?? {}),
    );
    // `_service` needs no scope (test/federation.test.ts: refused where introspection is off).
    const scoped = fields.filter((f) => f !== "_service");
    expect(scoped.filter((f) => !CASES.some((c) => c.field === f))).toEqual([]);
  });

  it("guards the secret object fields", () => {
    expect(schema.getType("Account")?.toConfig()).toBeDefined();
    const account = schema.getTypeMap().Account as unknown as {
      getFields(): Record<string, { extensions: Record<string, unknown> }>;
    };
    expect(account.getFields().passwordHash?.extensions.scope).toBe("accounts:credentials");
    expect(account.getFields().backupCodes?.extensions.scope).toBe("accounts:credentials");
    expect(account.getFields().passkeys?.extensions.scope).toBe("accounts:security");
    expect(account.getFields().consentLogs?.extensions.scope).toBe("accounts:security");
    expect(account.getFields().roleContexts?.extensions.scope).toBe("roles:read");
    expect(account.getFields().customObjects?.extensions.scope).toBe("customobjects:read");
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
      expect(await stack.calls()).toHaveLength(c.baseline ?? 0);
      expect((await stack.lr.control("GET", "/outbox")).body.messages).toEqual([]);
    },
  );

  it.each(CASES)("$field runs with exactly $scope (and what the rest needs)", async (c) => {
    const res = await stack.gql(c.query, {}, { token: tokenFor([c.scope, ...(c.also ?? [])]) });
    expect(res.errors?.filter((e) => e.extensions?.code === "FORBIDDEN") ?? []).toEqual([]);
    expect((await stack.calls()).length).toBeGreaterThan(c.baseline ?? 0);
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
