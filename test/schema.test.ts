import { readFileSync } from "node:fs";
import { printSubgraphSchema } from "@apollo/subgraph";
import {
  type GraphQLField,
  type GraphQLInputField,
  isInputObjectType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { buildAppSchema } from "../src/schema.js";

/** `_entities`, `_Any`, `link__Import`...: @apollo/subgraph's, described by the Federation spec. */
const isFederationName = (name: string) => name.startsWith("_") || name.includes("__");

describe("the schema", async () => {
  const schema = await buildAppSchema();

  it("is what schema.graphql says (run `npm run schema` after changing it)", () => {
    expect(`${printSubgraphSchema(schema)}\n`).toBe(
      readFileSync(new URL("../schema.graphql", import.meta.url), "utf8"),
    );
  });

  it("describes every type, field and argument", () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type) || isFederationName(type.name))
        continue;
      const isRoot = type === schema.getQueryType() || type === schema.getMutationType();
      if (!type.description && !isRoot) missing.push(type.name);
      if (!isObjectType(type) && !isInputObjectType(type)) continue;
      const fields: (GraphQLField<unknown, unknown> | GraphQLInputField)[] = Object.values(
        type.getFields(),
      );
      for (const field of fields) {
        if (isFederationName(field.name)) continue;
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
        "searchAccounts",
        "roles",
        "accountsInRoleContext",
        "customObjectRecord",
        "_entities",
        "_service",
      ].sort(),
    );
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {}).sort()).toEqual(
      [
        "createAccount",
        "updateAccount",
        "updateAccountPhoneId",
        "removeAccountPhoneId",
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
        // Account Security (src/security/)
        "resetAuthenticator",
        "resetBackupCodes",
        "removePasskey",
        "unlockAccount",
        "validateReauthentication",
        // Multipurpose Tokens and SOTT (src/tokens/)
        "generateEmailToken",
        "generateSmsOtp",
        "generateSott",
        // Identities: link and unlink through the Authentication API (src/identities/)
        "linkIdentity",
        "unlinkIdentity",
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
