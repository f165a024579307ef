import { readFileSync } from "node:fs";
import {
  type GraphQLField,
  type GraphQLInputField,
  isInputObjectType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  printSchema,
} from "graphql";
import { describe, expect, it } from "vitest";
import { buildAppSchema } from "../src/schema.js";

describe("the schema", async () => {
  const schema = await buildAppSchema();

  it("is what schema.graphql says (run `npm run schema` after changing it)", () => {
    expect(`${printSchema(schema)}\n`).toBe(
      readFileSync(new URL("../schema.graphql", import.meta.url), "utf8"),
    );
  });

  it("describes every type, field and argument", () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
      const isRoot = type === schema.getQueryType() || type === schema.getMutationType();
      if (!type.description && !isRoot) missing.push(type.name);
      if (!isObjectType(type) && !isInputObjectType(type)) continue;
      const fields: (GraphQLField<unknown, unknown> | GraphQLInputField)[] = Object.values(
        type.getFields(),
      );
      for (const field of fields) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of "args" in field ? field.args : [])
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has the root fields the clients are promised", () => {
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {}).sort()).toEqual(
      [
        "accountByUid",
        "accountByEmail",
        "accountByPhone",
        "accountByUserName",
        "identitiesByEmail",
        "accountsByUids",
        "roles",
        "accountsInRoleContext",
        "customObjectRecord",
      ].sort(),
    );
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {}).sort()).toEqual(
      [
        "createAccount",
        "updateAccount",
        "updateAccountPhoneId",
        "setAccountPassword",
        "upsertAccountEmail",
        "removeAccountEmail",
        "updateAccountUid",
        "deleteAccount",
        "deleteAccountsByEmail",
        "invalidateEmailVerification",
        "resetPhoneIdVerification",
        "generateForgotPasswordToken",
        "generateEmailVerificationToken",
        "issueAccessToken",
        "refreshAccessToken",
        "revokeRefreshToken",
        "revokeAllRefreshTokens",
        "createRoles",
        "deleteRole",
        "addRolePermissions",
        "removeRolePermissions",
        "assignAccountRoles",
        "unassignAccountRoles",
        "upsertAccountRoleContexts",
        "deleteAccountRoleContext",
        "removeRolesFromRoleContext",
        "removeAdditionalPermissionsFromRoleContext",
        "createCustomObjectRecord",
        "updateCustomObjectRecord",
        "deleteCustomObjectRecord",
      ].sort(),
    );
  });
});
