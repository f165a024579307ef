import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CUSTOM_OBJECT_ENDPOINTS } from "../src/custom-objects/custom-objects.client.js";
import { callsOf } from "../src/loginradius/endpoints.js";
import { ROLE_ENDPOINTS } from "../src/roles/roles.client.js";
import { ADA, GRACE, MARGARET } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";

/**
 * The retry policy written beside each Roles and Custom Objects endpoint, as it behaves: a 503
 * once is retried (and the call succeeds) exactly for the endpoints marked safe to repeat; the
 * others fail with UPSTREAM_OUTCOME_UNKNOWN after one attempt, so nothing is done twice.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.reset());

const M = "/identity/v2/manage";
const CO = `${M}/account/{uid}/customobject`;
const HOME = createHash("sha256")
  .update(`custom-object:${ADA}:addresses:0`)
  .digest("hex")
  .slice(0, 24);
const RC = `${M}/account/{uid}/rolecontext/{contextName}`;

/**
 * [endpoint, retried?, the emulator's route name, an operation that makes exactly that call
 * first]. "Retried?" is written out, not read from the client's table, so flipping a create or
 * delete to retry there fails here.
 */
const CASES: [string, boolean, string, string][] = [
  ["roles.listRoles", true, `GET ${M}/role`, "{ roles { name } }"],
  [
    "roles.createRoles",
    false,
    `POST ${M}/role`,
    'mutation { createRoles(roles: [{ name: "n" }]) { name } }',
  ],
  [
    "roles.deleteRole",
    false,
    `DELETE ${M}/role/{role}`,
    'mutation { deleteRole(name: "billing") { deleted } }',
  ],
  [
    "roles.addPermissions",
    true,
    `PUT ${M}/role/{role}/permission`,
    'mutation { addRolePermissions(name: "viewer", permissions: ["p"]) { name } }',
  ],
  [
    "roles.removePermissions",
    false,
    `DELETE ${M}/role/{role}/permission`,
    'mutation { removeRolePermissions(name: "viewer", permissions: ["content:read"]) { name } }',
  ],
  [
    "roles.assignRoles",
    true,
    `PUT ${M}/account/{uid}/role`,
    `mutation { assignAccountRoles(uid: "${GRACE}", roles: ["billing"]) { uid } }`,
  ],
  [
    "roles.unassignRoles",
    false,
    `DELETE ${M}/account/{uid}/role`,
    `mutation { unassignAccountRoles(uid: "${GRACE}", roles: ["editor"]) { uid } }`,
  ],
  [
    "roles.roleContexts",
    true,
    `GET ${M}/account/{uid}/rolecontext`,
    `{ accountByUid(uid: "${ADA}") { roleContexts { context } } }`,
  ],
  [
    "roles.upsertRoleContexts",
    true,
    `PUT ${M}/account/{uid}/rolecontext`,
    `mutation { upsertAccountRoleContexts(uid: "${ADA}", contexts: [{ context: "x", roles: [] }]) { uid } }`,
  ],
  [
    "roles.accountsInRoleContext",
    true,
    `GET ${M}/account/rolecontext/{contextName}`,
    '{ accountsInRoleContext(context: "eu-tenant") { uid } }',
  ],
  [
    "roles.deleteRoleContext",
    false,
    `DELETE ${RC}`,
    `mutation { deleteAccountRoleContext(uid: "${MARGARET}", context: "apollo") { uid } }`,
  ],
  [
    "roles.removeRolesFromContext",
    false,
    `DELETE ${RC}/role`,
    `mutation { removeRolesFromRoleContext(uid: "${MARGARET}", context: "apollo", roles: ["auditor"]) { uid } }`,
  ],
  [
    "roles.removePermissionsFromContext",
    false,
    `DELETE ${RC}/additionalpermission`,
    `mutation { removeAdditionalPermissionsFromRoleContext(uid: "${MARGARET}", context: "apollo", permissions: ["launch"]) { uid } }`,
  ],
  [
    "customObjects.list",
    true,
    `GET ${CO}`,
    `{ accountByUid(uid: "${ADA}") { customObjects(objectName: "addresses") { id } } }`,
  ],
  [
    "customObjects.create",
    false,
    `POST ${CO}`,
    `mutation { createCustomObjectRecord(uid: "${ADA}", objectName: "addresses", data: {}) { id } }`,
  ],
  [
    "customObjects.get",
    true,
    `GET ${CO}/{recordId}`,
    `{ customObjectRecord(uid: "${ADA}", objectName: "addresses", recordId: "${HOME}") { id } }`,
  ],
  [
    "customObjects.update",
    true,
    `PUT ${CO}/{recordId}`,
    `mutation { updateCustomObjectRecord(uid: "${ADA}", objectName: "addresses", recordId: "${HOME}", data: {}, mode: MERGE) { id } }`,
  ],
  [
    "customObjects.delete",
    false,
    `DELETE ${CO}/{recordId}`,
    `mutation { deleteCustomObjectRecord(uid: "${ADA}", objectName: "addresses", recordId: "${HOME}") { deleted } }`,
  ],
];

describe("retry policy per endpoint", () => {
  it("covers every endpoint of both client tables", () => {
    const all = [
      ...callsOf(ROLE_ENDPOINTS).map(([name]) => `roles.${name}`),
      ...callsOf(CUSTOM_OBJECT_ENDPOINTS).map(([name]) => `customObjects.${name}`),
    ];
    expect(new Set(CASES.map(([name]) => name))).toEqual(new Set(all));
  });

  it.each(CASES)("%s (retry: %s) after one 503", async (_, retry, route, operation) => {
    await stack.lr.control("POST", "/faults", { kind: "error", status: 503, count: 1, route });
    const res = await stack.gql(operation);
    const statuses = (await stack.calls()).filter((c) => c.route === route).map((c) => c.status);
    if (retry) {
      expect(res.errors).toBeUndefined();
      expect(statuses).toEqual([503, 200]);
    } else {
      // Sent, then a 5xx: LoginRadius may have done it, so not "retry later".
      expect(res.errors?.[0]?.extensions?.code).toBe("UPSTREAM_OUTCOME_UNKNOWN");
      expect(statuses).toEqual([503]);
    }
  });

  it("turns an unreadable answer into UPSTREAM_UNAVAILABLE bad_response", async () => {
    await stack.lr.control("POST", "/faults", {
      kind: "malformed",
      route: `GET ${M}/role`,
      count: 3,
    });
    const res = await stack.gql("{ roles { name } }");
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      reason: "bad_response",
    });
  });
});
