import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import type { AccountFilter } from "./account-filter.input.js";
import { MAX_FILTER_DEPTH, toDirectoryQuery, uidsQuery } from "./filter.query.js";

const q = (filter: object) => toDirectoryQuery(filter as AccountFilter);
const refusal = (filter: object) => {
  try {
    q(filter);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions;
  }
  throw new Error("not refused");
};

describe("AccountFilter -> Cloud Directory q", () => {
  it("finds everyone with {}", () => {
    expect(q({})).toEqual({});
  });

  it("ANDs a filter's fields and wraps a single rule in a group", () => {
    expect(q({ firstName: { eq: "Ada" } })).toEqual({
      group: { operator: "AND", rules: [{ name: "FirstName", operator: "=", value: "Ada" }] },
    });
    expect(q({ roles: { eq: "admin" }, locked: true })).toEqual({
      group: {
        operator: "AND",
        rules: [
          { name: "Roles", operator: "=", value: "admin" },
          { name: "IsLoginLocked", operator: "=", value: true },
        ],
      },
    });
  });

  it("pushes not down: De Morgan, opposite operators, a range also matching no date", () => {
    expect(
      q({
        not: { or: [{ firstName: { contains: "ada" } }, { createdDate: { after: "2024-05-01" } }] },
      }),
    ).toEqual({
      group: {
        operator: "AND",
        rules: [
          { name: "FirstName", operator: "Not_Contains", value: "ada" },
          {
            group: {
              operator: "OR",
              rules: [
                { name: "CreatedDate", operator: "<=", value: "2024-05-01" },
                { name: "CreatedDate", operator: "NOT_EXISTS" },
              ],
            },
          },
        ],
      },
    });
    expect(q({ not: { uid: { in: ["a", "b"] } } })).toEqual({
      group: {
        operator: "AND",
        rules: [
          { name: "UID", operator: "!=", value: "a" },
          { name: "UID", operator: "!=", value: "b" },
        ],
      },
    });
  });
});

describe("AccountFilter refusals, before any call", () => {
  it.each([
    [{ email: { startsWith: "ada" } }, "filter.email.startsWith"],
    [{ phoneId: { contains: "555" } }, "filter.phoneId.contains"],
    [{ not: { email: { contains: "ada" } } }, "filter.not.email.contains"],
    [{ uid: { in: [] } }, "filter.uid.in"],
    [{ lastLoginDate: { before: "2024-13-45T99:00Z" } }, "filter.lastLoginDate.before"],
    [{ customFields: [{ key: "a.b", eq: "x" }] }, "filter.customFields.key"],
    [{ firstName: { eq: "x".repeat(257) } }, "filter.firstName.eq"],
    [{ or: [] }, "filter.or"],
  ])("refuses %j naming %s", (filter, field) => {
    expect(refusal(filter)).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it(`refuses and/or/not nested deeper than ${MAX_FILTER_DEPTH}`, () => {
    let filter: object = { firstName: { eq: "Ada" } };
    for (let i = 0; i <= MAX_FILTER_DEPTH; i++) filter = { not: filter };
    expect(refusal(filter)).toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("refuses more than 1,000 rules, and makes a UID batch one OR group", () => {
    const many = Array.from({ length: 1001 }, (_, i) => `u${i}`);
    expect(refusal({ uid: { in: many } })).toMatchObject({ field: "filter.uid.in" });
    expect(uidsQuery(["a", "b"])).toEqual({
      group: {
        operator: "OR",
        rules: [
          { name: "UID", operator: "=", value: "a" },
          { name: "UID", operator: "=", value: "b" },
        ],
      },
    });
  });
});
