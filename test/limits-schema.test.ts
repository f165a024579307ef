import { isObjectType } from "graphql";
import { getMetadataStorage } from "type-graphql";
import { describe, expect, it } from "vitest";
import { buildAppSchema } from "../src/schema.js";
import { costsOf } from "../src/sections.js";

/** Every section's rows, merged as the service merges them. */
const COSTS = costsOf();

describe("the cost table", async () => {
  const schema = await buildAppSchema();
  const coordinates = (typeName: "Query" | "Mutation") => {
    const type = typeName === "Query" ? schema.getQueryType() : schema.getMutationType();
    return Object.keys(type?.getFields() ?? {}).map((f) => `${typeName}.${f}`);
  };

  it("has a row for every root field: each may call LoginRadius", () => {
    const roots = [...coordinates("Query"), ...coordinates("Mutation")];
    expect(roots.length).toBeGreaterThan(20);
    expect(roots.filter((c) => !(c in COSTS))).toEqual([]);
  });

  it("has a row for every field resolver (each reads LoginRadius on its own)", () => {
    const resolvers = getMetadataStorage()
      .fieldResolvers.filter((r) => r.kind === "external")
      .map((r) => `${(r.getObjectType?.() as { name: string } | undefined)?.name}.${r.schemaName}`);
    expect(resolvers).toContain("Account.passwordHash");
    expect(resolvers.filter((c) => !(c in COSTS))).toEqual([]);
  });

  it("names only fields that exist", () => {
    const unknown = Object.keys(COSTS).filter((coordinate) => {
      const [typeName = "", field = ""] = coordinate.split(".");
      const type = schema.getType(typeName);
      return !(isObjectType(type) && field in type.getFields());
    });
    expect(unknown).toEqual([]);
  });

  it("counts as side effects exactly the fields that send an email or SMS or mint a token", () => {
    const sideEffects = Object.entries(COSTS)
      .filter(([, cost]) => cost.sideEffect)
      .map(([coordinate]) => coordinate)
      .sort();
    expect(sideEffects).toEqual([
      "Account.backupCodes",
      "Mutation.generateEmailToken",
      "Mutation.generateEmailVerificationToken",
      "Mutation.generateForgotPasswordToken",
      "Mutation.generateSmsOtp",
      "Mutation.generateSott",
      "Mutation.invalidateEmailVerification",
      "Mutation.issueAccessToken",
      "Mutation.linkIdentity",
      "Mutation.refreshAccessToken",
      "Mutation.resetBackupCodes",
      "Mutation.resetPhoneIdVerification",
      "Mutation.unlinkIdentity",
    ]);
  });
});
