import { describe, expect, it } from "vitest";
import { startInProcess } from "../../test/helpers/in-process.js";
import type { WireProfile } from "../accounts/index.js";
import { accountsClientDouble } from "../accounts/index.js";
import { connectDoubles } from "../context.js";
import { UpstreamError } from "../loginradius/upstream-error.js";
import { toRoleContext, toWireExpiration } from "./role.mapper.js";
import { rolesClientDouble } from "./roles.client.double.js";
import type { RolesClient } from "./roles.client.js";
import type { WireRoleContext } from "./roles.wire.js";

/**
 * The Roles resolvers in process over client doubles: validation before any call, loaders,
 * write-through, error mapping. End-to-end cases are in test/roles.test.ts.
 */
const rejected = (code: number, fields: string[] = []) =>
  Promise.reject(new UpstreamError("rejected", "X", 403, code, null, fields));

const world = (given: Partial<RolesClient> = {}) => {
  const calls: string[] = [];
  let contexts: WireRoleContext[] = [{ Context: "eu", Roles: ["editor"], Expiration: null }];
  let roles = ["editor"];
  const profile = (uid: string): WireProfile => ({ Uid: uid, Roles: [...roles] });
  const accounts = accountsClientDouble({
    getByUid: async (uid) => {
      calls.push(`getByUid ${uid}`);
      return profile(uid);
    },
  });
  const client = rolesClientDouble({
    listRoles: async () => {
      calls.push("listRoles");
      return { data: [{ Name: "editor", Permissions: { write: true, publish: false } }] };
    },
    roleContexts: async (uid) => {
      calls.push(`roleContexts ${uid}`);
      return uid === "nobody" ? rejected(938) : { Data: contexts };
    },
    upsertRoleContexts: async (uid, body) => {
      calls.push(`upsertRoleContexts ${uid} ${JSON.stringify(body)}`);
      contexts = [...contexts, ...body.map((c) => ({ ...c, Expiration: null }))];
      return { Data: contexts };
    },
    assignRoles: async (uid, more) => {
      calls.push(`assignRoles ${uid}`);
      roles = [...roles, ...more];
      return { Roles: roles };
    },
    ...given,
  });
  return { accounts, client, calls };
};

const start = async (given: Partial<RolesClient> = {}) => {
  const { accounts, client, calls } = world(given);
  const app = await startInProcess({ connect: connectDoubles({ accounts, roles: client }) });
  return { ...app, calls };
};

describe("roles in process", () => {
  it("reads the role list once for any number of aliases; lists only granted permissions", async () => {
    const { run, calls } = await start();
    const res = await run("{ a: roles { name permissions } b: roles { name } }");
    expect(res.data).toEqual({
      a: [{ name: "editor", permissions: ["write"] }],
      b: [{ name: "editor" }],
    });
    expect(calls).toEqual(["listRoles"]);
  });

  it("reads each account's contexts once, [] for an account that is gone", async () => {
    const { run, calls } = await start();
    const res = await run(`{ accountsByUids(uids: ["ada", "ada", "nobody"]) {
      roleContexts { context } again: roleContexts { roles }
    } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.accountsByUids[2]).toEqual({ roleContexts: [], again: [] });
    expect(calls.filter((c) => c.startsWith("roleContexts")).sort()).toEqual([
      "roleContexts ada",
      "roleContexts nobody",
    ]);
  });
});

describe("role writes in process", () => {
  it("primes the contexts with the upsert's answer and sends the documented expiry form", async () => {
    const { run, calls } = await start();
    const res = await run(`mutation {
      upsertAccountRoleContexts(uid: "ada", contexts: [{ context: "us", roles: [], expiresAt: "2040-02-03T04:05:06Z" }]) {
        account { roleContexts { context } }
      }
    }`);
    expect(res.data.upsertAccountRoleContexts.account.roleContexts).toEqual([
      { context: "eu" },
      { context: "us" },
    ]);
    expect(calls[0]).toContain('"Expiration":"02/03/2040 4:05:06 AM"');
    expect(calls.filter((c) => c.startsWith("roleContexts"))).toEqual([]);
  });

  it("makes the Accounts section forget a profile whose roles it changed", async () => {
    const { run, calls } = await start();
    const res = await run(`mutation {
      a: assignAccountRoles(uid: "ada", roles: ["admin"]) { account { roles } }
      b: assignAccountRoles(uid: "ada", roles: ["viewer"]) { account { roles } }
    }`);
    expect(res.data.b.account.roles).toEqual(["editor", "admin", "viewer"]);
    expect(calls.filter((c) => c.startsWith("getByUid"))).toHaveLength(2);
  });
});

describe("role input checks and errors in process", () => {
  it.each([
    ['createRoles(roles: [{ name: "a b" }]) { name }', "roles[0].name"],
    [
      'createRoles(roles: [{ name: "x", permissions: ["p", "p"] }]) { name }',
      "roles[0].permissions",
    ],
    ['deleteRole(name: "..") { name }', "name"],
    ['assignAccountRoles(uid: "ada", roles: []) { uid }', "roles"],
    ['assignAccountRoles(uid: "../x", roles: ["a"]) { uid }', "uid"],
    [
      'upsertAccountRoleContexts(uid: "ada", contexts: [{ context: "a", roles: [] }, { context: "a", roles: [] }]) { uid }',
      "contexts",
    ],
    [
      'upsertAccountRoleContexts(uid: "ada", contexts: [{ context: "a", roles: [], expiresAt: "2001-01-01T00:00:00Z" }]) { uid }',
      "contexts[0].expiresAt",
    ],
    [
      'removeAdditionalPermissionsFromRoleContext(uid: "ada", context: "eu", permissions: ["a/b"]) { uid }',
      "permissions",
    ],
  ])("refuses %s before any call", async (mutation, field) => {
    const { run, calls } = await start();
    const res = await run(`mutation { ${mutation} }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(calls).toEqual([]);
  });

  it("turns a refused delete of a role in use into CONFLICT, other 1134s stay BAD_USER_INPUT", async () => {
    const { run } = await start({
      deleteRole: (name) =>
        name === "busy" ? rejected(1134, ["role"]) : rejected(1134, ["Roles"]),
    });
    const busy = await run('mutation { deleteRole(name: "busy") { name } }');
    expect(busy.errors?.[0]?.extensions).toEqual({
      code: "CONFLICT",
      field: "name",
      loginradius: { errorCode: 1134 },
    });
    const other = await run('mutation { deleteRole(name: "x") { name } }');
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "roles" });
  });

  it.each([
    [1047, "NOT_FOUND"],
    [1133, "NOT_FOUND"],
    [1142, "NOT_FOUND"],
    [1172, "BAD_USER_INPUT"],
    [1175, "CONFLICT"],
    [938, "NOT_FOUND"],
  ])("maps LoginRadius %i to %s", async (code, expected) => {
    const { run } = await start({ createRoles: () => rejected(code) });
    const res = await run('mutation { createRoles(roles: [{ name: "x" }]) { name } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: expected,
      loginradius: { errorCode: code },
    });
  });
});

describe("role mappers", () => {
  it("writes an expiry as LoginRadius documents its input, in UTC", () => {
    expect(toWireExpiration(new Date("2018-07-15T08:30:08Z"))).toBe("07/15/2018 8:30:08 AM");
    expect(toWireExpiration(new Date("2031-12-05T00:00:09Z"))).toBe("12/05/2031 12:00:09 AM");
    expect(toWireExpiration(new Date("2031-12-05T12:01:00Z"))).toBe("12/05/2031 12:01:00 PM");
  });

  it("marks a context expired once its expiry has passed", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const wire = (Expiration: string | null) => ({ Context: "c", Expiration });
    expect(toRoleContext(wire("2025-12-31T23:59:59Z"), now).expired).toBe(true);
    expect(toRoleContext(wire("2026-01-01T00:00:01Z"), now).expired).toBe(false);
    expect(toRoleContext(wire(null), now)).toEqual({
      context: "c",
      roles: [],
      additionalPermissions: [],
      expiresAt: null,
      expired: false,
    });
  });
});
