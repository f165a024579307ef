import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoAccounts } from "../src/emulator/accounts/seed.js";
import { ADA, ALAN, GRACE, MARGARET } from "./helpers/emulator.js";
import { errorOf, type Stack, startStack } from "./helpers/stack.js";

/** The Roles Management section through HTTP against the emulator (its demo roles and contexts). */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.reset());

describe("roles", () => {
  it("lists the site's roles with their granted permissions", async () => {
    const res = await stack.gql("{ roles { name permissions } }");
    expect(res.errors).toBeUndefined();
    expect(res.data.roles).toContainEqual({ name: "viewer", permissions: ["content:read"] });
    expect(res.data.roles.map((r: { name: string }) => r.name)).toEqual([
      "admin",
      "editor",
      "viewer",
      "support",
      "auditor",
      "billing",
    ]);
  });

  it("costs one upstream call for 50 aliases", async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `r${i}: roles { name }`).join("\n");
    const res = await stack.gql(`{ ${aliases} }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.r49).toEqual(res.data.r0);
    expect(await stack.routes()).toEqual(["GET /identity/v2/manage/role"]);
  });
});

describe("Account.roleContexts and accountsInRoleContext", () => {
  it("reads an account's contexts with expiry as DateTime", async () => {
    const res = await stack.gql(`{ accountByUid(uid: "${ADA}") {
      roleContexts { context roles additionalPermissions expiresAt expired }
    } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.accountByUid.roleContexts).toEqual([
      {
        context: "eu-tenant",
        roles: ["editor"],
        additionalPermissions: ["export:csv"],
        expiresAt: null,
        expired: false,
      },
      {
        context: "us-tenant",
        roles: ["viewer"],
        additionalPermissions: [],
        expiresAt: "2030-01-01T00:00:00.000Z",
        expired: false,
      },
    ]);
  });

  it("lists who holds a context, an expired one included", async () => {
    const res = await stack.gql(`{ accountsInRoleContext(context: "eu-tenant") {
      uid fullName emails roleContext { context roles expired }
    } }`);
    expect(res.errors).toBeUndefined();
    const members = res.data.accountsInRoleContext;
    expect(members.map((m: { uid: string }) => m.uid).sort()).toEqual([ADA, ALAN, GRACE].sort());
    expect(members.find((m: { uid: string }) => m.uid === ALAN)).toMatchObject({
      fullName: "Alan Turing",
      roleContext: { context: "eu-tenant", roles: ["viewer"], expired: true },
    });
    const nobody = await stack.gql('{ accountsInRoleContext(context: "nobody-here") { uid } }');
    expect(nobody.data.accountsInRoleContext).toEqual([]);
  });

  it("refuses a context name that cannot be a path segment, with no upstream call", async () => {
    const res = await stack.gql('{ accountsInRoleContext(context: "../role") { uid } }');
    expect(errorOf(res)).toMatchObject({ code: "BAD_USER_INPUT", field: "context" });
    expect(await stack.calls()).toEqual([]);
  });

  it("20 accounts' role contexts and custom objects cost 20 + 20 calls (plus their profiles)", async () => {
    const uids = demoAccounts(60)
      .slice(0, 20)
      .map((a) => a.Uid);
    const res = await stack.gql(
      `query($uids: [ID!]!) { accountsByUids(uids: $uids) {
        uid roleContexts { context } again: roleContexts { roles }
        customObjects(objectName: "addresses") { id } more: customObjects(objectName: "addresses") { data }
      } twice: accountsByUids(uids: $uids) { roleContexts { context } } }`,
      { uids },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.accountsByUids).toHaveLength(20);
    const counts: Record<string, number> = {};
    for (const route of await stack.routes())
      counts[String(route)] = (counts[String(route)] ?? 0) + 1;
    expect(counts).toEqual({
      "GET /identity/v2/manage/account/{uid}": 20,
      "GET /identity/v2/manage/account/{uid}/rolecontext": 20,
      "GET /identity/v2/manage/account/{uid}/customobject": 20,
    });
  });
});

describe("the cost limit counts these fields as they call", () => {
  it("refuses 40 accounts' profiles, contexts and addresses (120 > 100) before any call", async () => {
    const uids = demoAccounts(60)
      .slice(0, 40)
      .map((a) => a.Uid);
    const res = await stack.gql(
      `query($uids: [ID!]!) { accountsByUids(uids: $uids) {
        roleContexts { context } customObjects(objectName: "addresses") { id }
      } }`,
      { uids },
    );
    expect(errorOf(res)).toMatchObject({ code: "COST_LIMIT_EXCEEDED", cost: 120, limit: 100 });
    expect(await stack.calls()).toEqual([]);
  });
});

describe("role catalogue mutations", () => {
  it("creates roles, then lists them in the same request", async () => {
    const res = await stack.gql(`mutation {
      createRoles(roles: [{ name: "ops", permissions: ["deploy", "rollback"] }, { name: "intern" }]) { name permissions }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.createRoles).toEqual([
      { name: "ops", permissions: ["deploy", "rollback"] },
      { name: "intern", permissions: [] },
    ]);
    const list = await stack.gql("{ roles { name } }");
    expect(list.data.roles.map((r: { name: string }) => r.name)).toContain("ops");
  });

  it("answers CONFLICT for a role name that exists, creating none", async () => {
    const res = await stack.gql(
      'mutation { createRoles(roles: [{ name: "fresh" }, { name: "admin" }]) { name } }',
    );
    expect(errorOf(res)).toEqual({ code: "CONFLICT", loginradius: { errorCode: 1175 } });
    const list = await stack.gql("{ roles { name } }");
    expect(list.data.roles.map((r: { name: string }) => r.name)).not.toContain("fresh");
  });

  it("refuses bad names and repeats before any call", async () => {
    for (const query of [
      'mutation { createRoles(roles: [{ name: "a/b" }]) { name } }',
      'mutation { createRoles(roles: [{ name: "x" }, { name: "x" }]) { name } }',
      "mutation { createRoles(roles: []) { name } }",
      'mutation { addRolePermissions(name: "admin", permissions: ["  "]) { name } }',
    ]) {
      const res = await stack.gql(query);
      expect(errorOf(res)?.code, query).toBe("BAD_USER_INPUT");
    }
    expect(await stack.calls()).toEqual([]);
  });

  it("adds and removes permissions, and the next roles read sees them", async () => {
    const res = await stack.gql(`mutation {
      add: addRolePermissions(name: "viewer", permissions: ["content:comment"]) { permissions }
      remove: removeRolePermissions(name: "support", permissions: ["passwords:reset", "absent"]) { permissions }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      add: { permissions: ["content:comment", "content:read"] },
      remove: { permissions: ["accounts:read"] },
    });
    const unknown = await stack.gql(
      'mutation { addRolePermissions(name: "ghost", permissions: ["x"]) { name } }',
    );
    expect(errorOf(unknown)).toEqual({ code: "NOT_FOUND", loginradius: { errorCode: 1047 } });
  });

  it("deletes a role nobody holds; a role in use is a CONFLICT; an unknown one NOT_FOUND", async () => {
    const ok = await stack.gql('mutation { deleteRole(name: "billing") { name deleted } }');
    expect(ok.data.deleteRole).toEqual({ name: "billing", deleted: true });
    const inUse = await stack.gql('mutation { deleteRole(name: "editor") { name } }');
    expect(errorOf(inUse)).toEqual({
      code: "CONFLICT",
      field: "name",
      loginradius: { errorCode: 1134 },
    });
    const gone = await stack.gql('mutation { deleteRole(name: "billing") { name } }');
    expect(errorOf(gone)).toEqual({ code: "NOT_FOUND", loginradius: { errorCode: 1047 } });
  });
});

describe("role assignment", () => {
  it("assigns and unassigns roles; the account read afterwards shows them", async () => {
    const res = await stack.gql(`mutation {
      assignAccountRoles(uid: "${GRACE}", roles: ["billing", "viewer"]) { uid account { roles } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.assignAccountRoles).toEqual({
      uid: GRACE,
      account: { roles: ["editor", "billing", "viewer"] },
    });
    const un = await stack.gql(`mutation {
      unassignAccountRoles(uid: "${GRACE}", roles: ["editor"]) { account { roles } }
    }`);
    expect(un.data.unassignAccountRoles.account.roles).toEqual(["billing", "viewer"]);
  });

  it("forgets the profile read earlier in the same request", async () => {
    const res = await stack.gql(`mutation {
      before: updateAccount(uid: "${GRACE}", input: { city: "Arlington" }) { roles }
      assignAccountRoles(uid: "${GRACE}", roles: ["billing"]) { account { roles } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.before.roles).toEqual(["editor"]);
    expect(res.data.assignAccountRoles.account.roles).toEqual(["editor", "billing"]);
  });

  it.each([
    ["an unknown role", `assignAccountRoles(uid: "${GRACE}", roles: ["ghost"])`, "NOT_FOUND", 1047],
    [
      "a role not held",
      `unassignAccountRoles(uid: "${GRACE}", roles: ["admin"])`,
      "NOT_FOUND",
      1047,
    ],
    ["an unknown account", 'assignAccountRoles(uid: "nobody", roles: ["admin"])', "NOT_FOUND", 938],
  ])("answers %s with its code", async (_, call, code, errorCode) => {
    const res = await stack.gql(`mutation { ${call} { uid } }`);
    expect(errorOf(res)).toMatchObject({ code, loginradius: { errorCode } });
  });
});

describe("role context mutations", () => {
  const UPSERT = `mutation($uid: ID!, $contexts: [RoleContextInput!]!) {
    upsertAccountRoleContexts(uid: $uid, contexts: $contexts) {
      uid account { roleContexts { context roles additionalPermissions expiresAt } }
    }
  }`;

  it("creates a context with an expiry, keeping the others, and reads them back at no extra cost", async () => {
    const res = await stack.gql(UPSERT, {
      uid: MARGARET,
      contexts: [
        {
          context: "gemini",
          roles: ["viewer"],
          additionalPermissions: ["launch"],
          expiresAt: "2031-12-05T17:30:00Z",
        },
      ],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.upsertAccountRoleContexts.account.roleContexts).toEqual([
      {
        context: "apollo",
        roles: ["admin", "auditor"],
        additionalPermissions: ["launch"],
        expiresAt: null,
      },
      {
        context: "gemini",
        roles: ["viewer"],
        additionalPermissions: ["launch"],
        expiresAt: "2031-12-05T17:30:00.000Z",
      },
    ]);
    expect(await stack.routes()).toEqual([
      "PUT /identity/v2/manage/account/{uid}/rolecontext",
      "GET /identity/v2/manage/account/{uid}",
    ]);
  });

  it("refuses an expiry in the past and an unknown role", async () => {
    const past = await stack.gql(UPSERT, {
      uid: ADA,
      contexts: [{ context: "x", roles: [], expiresAt: "2020-01-01T00:00:00Z" }],
    });
    expect(errorOf(past)).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "contexts[0].expiresAt",
    });
    expect(await stack.calls()).toEqual([]);
    const ghost = await stack.gql(UPSERT, {
      uid: ADA,
      contexts: [{ context: "x", roles: ["ghost"] }],
    });
    expect(errorOf(ghost)).toEqual({ code: "NOT_FOUND", loginradius: { errorCode: 1047 } });
  });

  it("removes roles and additional permissions from a context, then deletes it", async () => {
    const res = await stack.gql(`mutation {
      r: removeRolesFromRoleContext(uid: "${MARGARET}", context: "apollo", roles: ["auditor"]) {
        account { roleContexts { roles additionalPermissions } }
      }
      p: removeAdditionalPermissionsFromRoleContext(uid: "${MARGARET}", context: "apollo", permissions: ["launch"]) {
        account { roleContexts { roles additionalPermissions } }
      }
      d: deleteAccountRoleContext(uid: "${MARGARET}", context: "apollo") { account { roleContexts { context } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      r: { account: { roleContexts: [{ roles: ["admin"], additionalPermissions: ["launch"] }] } },
      p: { account: { roleContexts: [{ roles: ["admin"], additionalPermissions: [] }] } },
      d: { account: { roleContexts: [] } },
    });
  });

  it.each([
    [
      "a context the account lacks",
      `deleteAccountRoleContext(uid: "${ADA}", context: "apollo")`,
      1133,
      "context",
    ],
    [
      "a permission the context lacks",
      `removeAdditionalPermissionsFromRoleContext(uid: "${ADA}", context: "eu-tenant", permissions: ["nope"])`,
      1142,
      "permissions",
    ],
  ])("answers NOT_FOUND for %s", async (_, call, errorCode, field) => {
    const res = await stack.gql(`mutation { ${call} { uid } }`);
    expect(errorOf(res)).toEqual({ code: "NOT_FOUND", field, loginradius: { errorCode } });
  });

  it("audits each mutation with the account and outcome", async () => {
    stack.audit.length = 0;
    await stack.gql(
      `mutation Tidy { deleteAccountRoleContext(uid: "${ADA}", context: "us-tenant") { uid } }`,
    );
    expect(stack.audit).toEqual([
      expect.objectContaining({
        field: "Mutation.deleteAccountRoleContext",
        operationName: "Tidy",
        uid: ADA,
        outcome: "ok",
      }),
    ]);
  });
});
