import { describe, expect, it } from "vitest";
import { ADA, EDSGER, GRACE, MARGARET } from "./helpers/emulator.js";
import { officialSdkAgainstEmulator } from "./helpers/sdk.js";

const t = officialSdkAgainstEmulator();

/** Every method of `lrv2.roleApi` (loginradius-sdk@11.7.0), called exactly as documented. */
describe("loginradius-sdk roleApi against the emulator", () => {
  it("getRolesList, createRoles, addRolePermissions, removeRolePermissions, deleteRole", async () => {
    const { sdk } = t;
    const created = await sdk.roleApi.createRoles({
      Roles: [{ Name: "sdk-role", Permissions: { "sdk:read": true } }],
    });
    expect(created).toEqual({
      data: [{ Name: "sdk-role", Permissions: { "sdk:read": true } }],
      Count: 1,
    });
    const listed = await sdk.roleApi.getRolesList();
    expect(listed.data.map((r: { Name: string }) => r.Name)).toContain("sdk-role");
    const added = await sdk.roleApi.addRolePermissions({ Permissions: ["sdk:write"] }, "sdk-role");
    expect(added.Permissions).toEqual({ "sdk:read": true, "sdk:write": true });
    const removed = await sdk.roleApi.removeRolePermissions(
      { Permissions: ["sdk:read"] },
      "sdk-role",
    );
    expect(removed).toEqual({ Name: "sdk-role", Permissions: { "sdk:write": true } });
    expect(await sdk.roleApi.deleteRole("sdk-role")).toEqual({ IsDeleted: true });
    await expect(sdk.roleApi.deleteRole("sdk-role")).rejects.toMatchObject({
      ErrorCode: 1047,
      Description:
        "The provided role for the user does not exist, please use a valid role in order to process this request.",
    });
  });

  it("getRolesByUid, assignRolesByUid, unassignRolesByUid", async () => {
    const { sdk } = t;
    expect(await sdk.roleApi.getRolesByUid(MARGARET)).toEqual({ Roles: ["admin", "auditor"] });
    expect(await sdk.roleApi.assignRolesByUid({ Roles: ["billing"] }, GRACE)).toEqual({
      Roles: ["editor", "billing"],
    });
    expect(await sdk.roleApi.unassignRolesByUid({ Roles: ["editor"] }, GRACE)).toEqual({
      IsDeleted: true,
    });
    const profile = await sdk.accountApi.getAccountProfileByUid(GRACE, "Roles");
    expect(profile).toEqual({ Roles: ["billing"] });
    await expect(sdk.roleApi.getRolesByUid("nobody")).rejects.toMatchObject({ ErrorCode: 938 });
  });

  it("updateRoleContextByUid, getRoleContextByUid, getRoleContextByContextName", async () => {
    const { sdk } = t;
    const upserted = await sdk.roleApi.updateRoleContextByUid(
      {
        RoleContext: [
          {
            Context: "sdk-tenant",
            Roles: ["viewer"],
            AdditionalPermissions: ["X", "Y"],
            Expiration: "07/15/2031 8:30:08 AM",
          },
        ],
      },
      EDSGER,
    );
    const expected = {
      Context: "sdk-tenant",
      Roles: ["viewer"],
      AdditionalPermissions: ["X", "Y"],
      Expiration: "2031-07-15T08:30:08Z",
    };
    expect(upserted).toEqual({ Data: [expected] });
    expect(await sdk.roleApi.getRoleContextByUid(EDSGER)).toEqual({ Data: [expected] });
    const byName = await sdk.roleApi.getRoleContextByContextName("sdk-tenant");
    expect(byName.Data).toHaveLength(1);
    expect(byName.Data[0]).toMatchObject({
      Uid: EDSGER,
      RoleContext: { Roles: ["viewer"], AdditionalPermissions: ["X", "Y"] },
    });
  });

  it("deleteRolesFromRoleContextByUid, deleteAdditionalPermissionFromRoleContextByUid, deleteRoleContextByUid", async () => {
    const { sdk } = t;
    expect(
      await sdk.roleApi.deleteRolesFromRoleContextByUid("eu-tenant", { Roles: ["editor"] }, ADA),
    ).toEqual({ IsDeleted: true });
    expect(
      await sdk.roleApi.deleteAdditionalPermissionFromRoleContextByUid(
        "eu-tenant",
        { AdditionalPermissions: ["export:csv"] },
        ADA,
      ),
    ).toEqual({ IsDeleted: true });
    const left = await sdk.roleApi.getRoleContextByUid(ADA);
    expect(left.Data[0]).toMatchObject({
      Context: "eu-tenant",
      Roles: [],
      AdditionalPermissions: [],
    });
    expect(await sdk.roleApi.deleteRoleContextByUid("eu-tenant", ADA)).toEqual({ IsDeleted: true });
    await expect(sdk.roleApi.deleteRoleContextByUid("eu-tenant", ADA)).rejects.toMatchObject({
      ErrorCode: 1133,
    });
  });
});
