import { describe, expect, it } from "vitest";
import { ACCOUNT, ADA, ALAN, EDSGER, emulatorPerFile, GRACE } from "./helpers/emulator.js";

const contexts = (uid: string) => `${ACCOUNT}/${uid}/rolecontext`;
const BY_NAME = `${ACCOUNT}/rolecontext`;

const lr = emulatorPerFile();

const upsert = (uid: string, RoleContext: unknown) =>
  lr.call("PUT", contexts(uid), { body: { RoleContext } });

describe("GET /account/{uid}/rolecontext", () => {
  it("lists the account's contexts in the documented shape", async () => {
    const res = await lr.call("GET", contexts(ADA));
    expect(res.body).toEqual({
      Data: [
        {
          Context: "eu-tenant",
          Roles: ["editor"],
          AdditionalPermissions: ["export:csv"],
          Expiration: null,
        },
        {
          Context: "us-tenant",
          Roles: ["viewer"],
          AdditionalPermissions: [],
          Expiration: "2030-01-01T00:00:00Z",
        },
      ],
    });
    expect((await lr.call("GET", contexts(EDSGER))).body).toEqual({ Data: [] });
  });

  it("answers 938 for an unknown account, on a path in any casing", async () => {
    const res = await lr.call("GET", `${ACCOUNT}/nobody/roleContext`);
    expect(res.body).toMatchObject({ ErrorCode: 938 });
  });
});

describe("PUT /account/{uid}/rolecontext", () => {
  it("creates a context, reading the documented expiration format, and answers them all", async () => {
    const res = await upsert(EDSGER, [
      {
        context: "Home",
        roles: ["admin", "viewer"],
        additionalpermissions: ["X"],
        expiration: "07/15/2031 8:30:08 PM",
      },
    ]);
    expect(res.body).toEqual({
      Data: [
        {
          Context: "Home",
          Roles: ["admin", "viewer"],
          AdditionalPermissions: ["X"],
          Expiration: "2031-07-15T20:30:08Z",
        },
      ],
    });
  });

  it("replaces an existing context whole and keeps the others", async () => {
    await upsert(ADA, [
      { Context: "eu-tenant", Roles: ["admin"], Expiration: "2032-01-31T12:00:00Z" },
    ]);
    const data = (await lr.call("GET", contexts(ADA))).body.Data;
    expect(data).toEqual([
      {
        Context: "eu-tenant",
        Roles: ["admin"],
        AdditionalPermissions: [],
        Expiration: "2032-01-31T12:00:00Z",
      },
      expect.objectContaining({ Context: "us-tenant" }),
    ]);
  });

  it("answers 1172 for an expiration that is not a date, writing nothing", async () => {
    for (const expiration of ["soon", "02/30/2031", "13/01/2031", "07/15/2031 13:00:00 PM", 5]) {
      const res = await upsert(ALAN, [
        { Context: "ok", Roles: ["viewer"] },
        { Context: "bad", Roles: ["viewer"], Expiration: expiration },
      ]);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ ErrorCode: 1172, Message: "Invalid date" });
    }
    expect((await lr.call("GET", contexts(ALAN))).body.Data).toHaveLength(1);
  });

  it("accepts an expiration in the past (the context is then expired)", async () => {
    const res = await upsert(EDSGER, [{ Context: "old", Roles: [], Expiration: "01/02/2020" }]);
    expect(res.body.Data[0].Expiration).toBe("2020-01-02T00:00:00Z");
  });

  it("answers 1047 for an unknown role, 1133 for a bad context name, 1134 for a bad shape", async () => {
    expect((await upsert(ADA, [{ Context: "x", Roles: ["nope"] }])).body.ErrorCode).toBe(1047);
    for (const Context of ["", "a/b", 3]) {
      const res = await upsert(ADA, [{ Context, Roles: ["viewer"] }]);
      expect(res.body).toMatchObject({
        ErrorCode: 1133,
        Message: "Role Context Name is not Valid",
      });
    }
    expect((await upsert(ADA, [])).body).toMatchObject({
      ErrorCode: 1134,
      Errors: [{ FieldName: "RoleContext" }],
    });
    expect((await upsert(ADA, [{ Context: "x" }])).body.Errors[0].FieldName).toBe(
      "RoleContext[0].Roles",
    );
    expect((await upsert("nobody", [{ Context: "x", Roles: [] }])).body.ErrorCode).toBe(938);
    expect((await lr.call("PUT", contexts(ADA))).body.ErrorCode).toBe(1079);
  });
});

describe("GET /account/rolecontext/{contextName}", () => {
  it("lists every account holding the context with its profile keys", async () => {
    const res = await lr.call("GET", `${BY_NAME}/eu-tenant`);
    expect(res.body.Data.map((d: { Uid: string }) => d.Uid)).toEqual([ADA, GRACE, ALAN]);
    expect(res.body.Data[0]).toEqual({
      RoleContext: { Roles: ["editor"], AdditionalPermissions: ["export:csv"], Expiration: null },
      Uid: ADA,
      LastLoginDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      FullName: "Ada Lovelace",
      Email: [
        { Type: "Primary", Value: "ada@example.com" },
        { Type: "Secondary", Value: "ada.lovelace@work.example" },
      ],
      ImageUrl: null,
    });
  });

  it("applies fields to each item, answers an empty list for an unheld name, 1133 for a bad one", async () => {
    const res = await lr.call("GET", `${BY_NAME}/apollo`, { query: { fields: "Uid" } });
    expect(res.body).toEqual({ Data: [{ Uid: "6d3a9c2e5f8b4b1d9a4e7c3f1b6d8a20" }] });
    expect((await lr.call("GET", `${BY_NAME}/nobody-has-it`)).body).toEqual({ Data: [] });
    expect((await lr.call("GET", `${BY_NAME}/a%2Fb`)).body.ErrorCode).toBe(1133);
  });

  it("reads a context whose name is also a path word (`role`) by name, not as an account's roles", async () => {
    await upsert(EDSGER, [{ Context: "role", Roles: ["viewer"] }]);
    const res = await lr.call("GET", `${BY_NAME}/role`);
    expect(res.body.Data.map((d: { Uid: string }) => d.Uid)).toEqual([EDSGER]);
  });

  it("leaves out deleted accounts", async () => {
    await lr.call("DELETE", `${ACCOUNT}/${GRACE}`);
    const res = await lr.call("GET", `${BY_NAME}/eu-tenant`);
    expect(res.body.Data.map((d: { Uid: string }) => d.Uid)).toEqual([ADA, ALAN]);
  });
});

describe("DELETE /account/{uid}/rolecontext/{contextName}[/role|/additionalpermission]", () => {
  it("deletes a context from the account and from the by-name listing", async () => {
    const res = await lr.call("DELETE", `${contexts(GRACE)}/eu-tenant`);
    expect(res.body).toEqual({ IsDeleted: true });
    expect((await lr.call("GET", contexts(GRACE))).body.Data).toEqual([]);
    const holders = (await lr.call("GET", `${BY_NAME}/eu-tenant`)).body.Data;
    expect(holders.map((d: { Uid: string }) => d.Uid)).toEqual([ADA, ALAN]);
  });

  it("removes roles from a context; a role it does not list is 1047", async () => {
    const res = await lr.call("DELETE", `${contexts(ADA)}/eu-tenant/role`, {
      body: { roles: ["editor"] },
    });
    expect(res.body).toEqual({ IsDeleted: true });
    expect((await lr.call("GET", contexts(ADA))).body.Data[0].Roles).toEqual([]);
    const missing = await lr.call("DELETE", `${contexts(ADA)}/us-tenant/role`, {
      body: { Roles: ["admin"] },
    });
    expect(missing.body.ErrorCode).toBe(1047);
  });

  it("removes additional permissions; one the context does not list is 1142", async () => {
    const path = `${contexts(ADA)}/eu-tenant/additionalpermission`;
    const missing = await lr.call("DELETE", path, { body: { AdditionalPermissions: ["nope"] } });
    expect(missing.body).toMatchObject({
      ErrorCode: 1142,
      Message: "Additional Permission does not exist",
    });
    const res = await lr.call("DELETE", path, { body: { additionalPermissions: ["export:csv"] } });
    expect(res.body).toEqual({ IsDeleted: true });
    expect((await lr.call("GET", contexts(ADA))).body.Data[0].AdditionalPermissions).toEqual([]);
  });

  it("answers 1133 for a context the account lacks, 938 for no account, 1081/1134 for bodies", async () => {
    expect((await lr.call("DELETE", `${contexts(ADA)}/apollo`)).body.ErrorCode).toBe(1133);
    const body = { Roles: ["viewer"] };
    expect((await lr.call("DELETE", `${contexts(ADA)}/nope/role`, { body })).body.ErrorCode).toBe(
      1133,
    );
    expect((await lr.call("DELETE", `${contexts("nobody")}/eu-tenant`)).body.ErrorCode).toBe(938);
    expect((await lr.call("DELETE", `${contexts(ADA)}/eu-tenant/role`)).body.ErrorCode).toBe(1081);
    const bad = await lr.call("DELETE", `${contexts(ADA)}/eu-tenant/role`, { body: { Roles: [] } });
    expect(bad.body).toMatchObject({ ErrorCode: 1134, Errors: [{ FieldName: "Roles" }] });
  });
});

describe("an account deleted and created again with the same UID", () => {
  it("does not inherit the old account's contexts", async () => {
    const create = () =>
      lr.call("POST", ACCOUNT, {
        body: {
          Uid: "reused-uid",
          Email: [{ Type: "Primary", Value: "reused@example.net" }],
          Password: "Reused-Pass-1",
        },
      });
    await create();
    await upsert("reused-uid", [{ Context: "eu-tenant", Roles: ["viewer"] }]);
    await lr.call("DELETE", `${ACCOUNT}/reused-uid`);
    await create();
    expect((await lr.call("GET", contexts("reused-uid"))).body).toEqual({ Data: [] });
    const holders = (await lr.call("GET", `${BY_NAME}/eu-tenant`)).body.Data;
    expect(holders.map((d: { Uid: string }) => d.Uid)).not.toContain("reused-uid");
  });
});
