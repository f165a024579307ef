import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ACCOUNT,
  ADA,
  ALAN,
  EDSGER,
  emulatorPerFile,
  GRACE,
  MARGARET,
  SEEDED_COUNTS,
  startEmulator,
} from "./helpers/emulator.js";

const ROLE = "/identity/v2/manage/role";
const roleOf = (uid: string) => `${ACCOUNT}/${uid}/role`;
const tempFile = () => join(mkdtempSync(join(tmpdir(), "lr-roles-")), "data.jsonl");

const lr = emulatorPerFile();

const names = async (): Promise<string[]> =>
  (await lr.call("GET", ROLE)).body.data.map((r: { Name: string }) => r.Name);

describe("GET /identity/v2/manage/role", () => {
  it("lists the seeded roles with their permissions, under a lowercase data key", async () => {
    const res = await lr.call("GET", ROLE);
    expect(res.status).toBe(200);
    expect(res.body.Count).toBe(6);
    expect(res.body.data[0]).toEqual({
      Name: "admin",
      Permissions: { "accounts:read": true, "accounts:write": true, "roles:manage": true },
    });
    expect(await names()).toEqual(["admin", "editor", "viewer", "support", "auditor", "billing"]);
  });
});

describe("the demo data", () => {
  it("defines every role a seeded profile holds, generated accounts included", async () => {
    const defined = new Set(await names());
    const held = new Set<string>();
    for (const record of lr.emulator.stores.accounts.values())
      for (const role of (record.Roles as string[] | undefined) ?? []) held.add(role);
    expect(held.size).toBeGreaterThan(3);
    expect([...held].filter((role) => !defined.has(role))).toEqual([]);
  });
});

describe("POST /identity/v2/manage/role", () => {
  it("creates roles (body keys in any casing) and answers the created ones", async () => {
    const res = await lr.call("POST", ROLE, {
      body: { roles: [{ name: "tenant-admin", permissions: { "tenant:manage": true } }] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: [{ Name: "tenant-admin", Permissions: { "tenant:manage": true } }],
      Count: 1,
    });
    expect(await names()).toContain("tenant-admin");
  });

  it("refuses an existing or repeated name with 1175 and creates none of the batch", async () => {
    const existing = await lr.call("POST", ROLE, {
      body: { Roles: [{ Name: "fresh" }, { Name: "admin" }] },
    });
    expect(existing.status).toBe(403);
    expect(existing.body).toMatchObject({
      ErrorCode: 1175,
      Message: "Role Name is not valid or already exists",
    });
    const repeated = await lr.call("POST", ROLE, {
      body: { Roles: [{ Name: "x" }, { Name: "x" }] },
    });
    expect(repeated.body.ErrorCode).toBe(1175);
    expect(await names()).not.toContain("fresh");
    expect(await names()).not.toContain("x");
  });

  it("validates names, permissions and the Roles list", async () => {
    for (const Name of ["", "  ", "a/b", 7, "x".repeat(101)]) {
      const res = await lr.call("POST", ROLE, { body: { Roles: [{ Name }] } });
      expect(res.body.ErrorCode).toBe(1175);
    }
    const perms = await lr.call("POST", ROLE, {
      body: { Roles: [{ Name: "p", Permissions: { read: "yes" } }] },
    });
    expect(perms.status).toBe(403);
    expect(perms.body.Errors).toEqual([
      { FieldName: "Roles[0].Permissions", ErrorMessage: expect.any(String) },
    ]);
    const empty = await lr.call("POST", ROLE, { body: { Roles: [] } });
    expect(empty.body).toMatchObject({ ErrorCode: 1134, Errors: [{ FieldName: "Roles" }] });
    expect((await lr.call("POST", ROLE)).body.ErrorCode).toBe(958);
  });
});

describe("DELETE /identity/v2/manage/role/{role}", () => {
  it("deletes a role nobody holds", async () => {
    expect((await lr.call("DELETE", `${ROLE}/billing`)).body).toEqual({ IsDeleted: true });
    expect(await names()).not.toContain("billing");
  });

  it("answers 1047 for an unknown role", async () => {
    const res = await lr.call("DELETE", `${ROLE}/nope`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ErrorCode: 1047, Message: "Role does not exist" });
  });

  it("refuses a role still assigned to an account or listed in a role context (1134)", async () => {
    const assigned = await lr.call("DELETE", `${ROLE}/admin`);
    expect(assigned.body).toMatchObject({ ErrorCode: 1134, Errors: [{ FieldName: "role" }] });
    await lr.call("POST", ROLE, { body: { Roles: [{ Name: "ctx-only" }] } });
    await lr.call("PUT", `${ACCOUNT}/${EDSGER}/rolecontext`, {
      body: { RoleContext: [{ Context: "lab", Roles: ["ctx-only"] }] },
    });
    expect((await lr.call("DELETE", `${ROLE}/ctx-only`)).body.ErrorCode).toBe(1134);
    expect(await names()).toContain("admin");
    await lr.call("DELETE", `${ACCOUNT}/${EDSGER}/rolecontext/lab`);
    expect((await lr.call("DELETE", `${ROLE}/ctx-only`)).body).toEqual({ IsDeleted: true });
  });
});

describe("PUT / DELETE /identity/v2/manage/role/{role}/permission", () => {
  it("adds permissions and answers the role with all of them", async () => {
    const res = await lr.call("PUT", `${ROLE}/viewer/permission`, {
      body: { permissions: ["reports:read", "content:read"] },
    });
    expect(res.body).toEqual({
      Name: "viewer",
      Permissions: { "content:read": true, "reports:read": true },
    });
    expect((await lr.call("GET", ROLE)).body.data[2].Permissions).toHaveProperty("reports:read");
  });

  it("removes permissions, ignoring ones the role lacks, and answers what remains", async () => {
    const res = await lr.call("DELETE", `${ROLE}/editor/permission`, {
      body: { Permissions: ["content:publish", "never-had"] },
    });
    expect(res.body).toEqual({
      Name: "editor",
      Permissions: { "content:read": true, "content:write": true },
    });
  });

  it("answers 1047 for an unknown role, 1134 for a bad list, 1079/1081 for no body", async () => {
    const body = { Permissions: ["x"] };
    expect((await lr.call("PUT", `${ROLE}/nope/permission`, { body })).body.ErrorCode).toBe(1047);
    expect((await lr.call("DELETE", `${ROLE}/nope/permission`, { body })).body.ErrorCode).toBe(
      1047,
    );
    const bad = await lr.call("PUT", `${ROLE}/viewer/permission`, { body: { Permissions: [""] } });
    expect(bad.body).toMatchObject({ ErrorCode: 1134, Errors: [{ FieldName: "Permissions" }] });
    expect((await lr.call("PUT", `${ROLE}/viewer/permission`)).body.ErrorCode).toBe(1079);
    expect((await lr.call("DELETE", `${ROLE}/viewer/permission`)).body.ErrorCode).toBe(1081);
  });
});

describe("/identity/v2/manage/account/{uid}/role", () => {
  it("reads the roles on the profile; none is an empty list", async () => {
    expect((await lr.call("GET", roleOf(MARGARET))).body).toEqual({ Roles: ["admin", "auditor"] });
    expect((await lr.call("GET", roleOf(EDSGER))).body).toEqual({ Roles: [] });
  });

  it("assigns roles, keeping the ones held, and the profile follows", async () => {
    const res = await lr.call("PUT", roleOf(GRACE), { body: { roles: ["billing", "editor"] } });
    expect(res.body).toEqual({ Roles: ["editor", "billing"] });
    expect((await lr.call("GET", `${ACCOUNT}/${GRACE}`)).body.Roles).toEqual(["editor", "billing"]);
  });

  it("unassigns roles, and the profile follows", async () => {
    const res = await lr.call("DELETE", roleOf(MARGARET), { body: { Roles: ["admin"] } });
    expect(res.body).toEqual({ IsDeleted: true });
    expect((await lr.call("GET", `${ACCOUNT}/${MARGARET}`)).body.Roles).toEqual(["auditor"]);
  });

  it("answers 1047 for a role that does not exist or is not held, changing nothing", async () => {
    const unknown = await lr.call("PUT", roleOf(ALAN), { body: { Roles: ["viewer", "nope"] } });
    expect(unknown.body.ErrorCode).toBe(1047);
    expect((await lr.call("GET", roleOf(ALAN))).body.Roles).toEqual([]);
    const notHeld = await lr.call("DELETE", roleOf(ADA), { body: { Roles: ["admin", "viewer"] } });
    expect(notHeld.body.ErrorCode).toBe(1047);
    expect((await lr.call("GET", roleOf(ADA))).body.Roles).toEqual(["admin"]);
  });

  it("answers 938 for an unknown account and 1134 for a bad Roles list", async () => {
    for (const method of ["GET", "PUT", "DELETE"]) {
      const body = method === "GET" ? undefined : { Roles: ["viewer"] };
      const res = await lr.call(method, roleOf("nobody"), { body });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ ErrorCode: 938, Message: "User does not exist" });
    }
    const bad = await lr.call("PUT", roleOf(ADA), { body: { Roles: "admin" } });
    expect(bad.body).toMatchObject({ ErrorCode: 1134, Errors: [{ FieldName: "Roles" }] });
  });
});

describe("the roles section in the emulator", () => {
  it("reports its counts in health, logs calls by route and honours faults per route", async () => {
    expect((await lr.control("GET", "/health")).body).toEqual({ ok: true, ...SEEDED_COUNTS });
    await lr.control("POST", "/faults", { kind: "error", status: 503, route: `GET ${ROLE}` });
    expect((await lr.call("GET", ROLE)).status).toBe(503);
    expect((await lr.call("GET", roleOf(ADA))).status).toBe(200);
    expect((await lr.call("GET", ROLE)).status).toBe(200);
    const calls = (await lr.control("GET", `/calls?route=GET ${ROLE}`)).body.calls;
    expect(calls.map((c: { fault: string | null }) => c.fault)).toEqual(["503", null]);
  });

  it("persists in the journal tagged roles, survives a restart, and resets to the seed", async () => {
    const dataFile = tempFile();
    const first = await startEmulator({ dataFile });
    await first.call("POST", ROLE, { body: { Roles: [{ Name: "durable" }] } });
    await first.call("PUT", roleOf(ALAN), { body: { Roles: ["durable"] } });
    await first.close();
    const tags = readFileSync(dataFile, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).s);
    expect(tags.slice(-2)).toEqual(["roles", "accounts"]);
    const second = await startEmulator({ dataFile });
    try {
      expect((await second.call("GET", roleOf(ALAN))).body.Roles).toEqual(["durable"]);
      await second.control("POST", "/reset");
      expect((await second.call("GET", ROLE)).body.Count).toBe(6);
      expect((await second.call("GET", roleOf(ALAN))).body.Roles).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it("seeds a data file written before the section existed, but not one that emptied it", async () => {
    const old = tempFile();
    writeFileSync(old, `${JSON.stringify({ t: "clear" })}\n`);
    const upgraded = await startEmulator({ dataFile: old });
    expect((await upgraded.call("GET", ROLE)).body.Count).toBe(6);
    await upgraded.close();
    const emptied = tempFile();
    await (await startEmulator({ dataFile: emptied, seed: "none" })).close();
    const again = await startEmulator({ dataFile: emptied });
    try {
      expect((await again.call("GET", ROLE)).body).toEqual({ data: [], Count: 0 });
    } finally {
      await again.close();
    }
  });
});
