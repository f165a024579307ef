import { describe, expect, it } from "vitest";
import { costOf as cost } from "../../../test/helpers/operation-cost.js";
import { CostTooComplexError } from "./cost.js";

describe("operationCost", () => {
  it("counts one call per distinct loader key, as the request's DataLoaders share them", () => {
    expect(
      cost(`{
        a: accountByUid(uid: "x") { uid }
        b: accountByUid(uid: "x") { firstName }
        c: accountsByUids(uids: ["x", "y", "y"]) { uid }
        d: accountByEmail(email: "x@example.com") { uid }
      }`),
    ).toEqual({ upstreamCalls: 3, sideEffects: 0 });
  });

  it("multiplies fields under a list by its items, from literals or variables", () => {
    const q =
      "query($u: [ID!]!) { accountsByUids(uids: $u) { passwordHash privacyPolicyHistory { current { version } } } }";
    expect(cost(q, { u: ["a", "b", "c"] }).upstreamCalls).toBe(9);
    expect(
      cost(
        '{ accountByUid(uid: "a") { passwordHash } accountsByUids(uids: ["a"]) { passwordHash } }',
      ).upstreamCalls,
    ).toBe(2);
  });

  it("counts a per-parent field once per parent and per distinguishing argument", () => {
    const q = `query($u: [ID!]!) { accountsByUids(uids: $u) {
      roleContexts { context } again: roleContexts { roles }
      a: customObjects(objectName: "addresses") { id } b: customObjects(objectName: "addresses") { id }
      o: customObjects(objectName: "orders") { id }
    } roles { name } r2: roles { name } }`;
    // 2 profiles + 2 role-context reads + 2 x 2 object lists + 1 role list.
    expect(cost(q, { u: ["a", "b"] }).upstreamCalls).toBe(9);
  });

  it("assumes five identities when the list length is unknown", () => {
    expect(
      cost('{ identitiesByEmail(email: "a@example.com") { passwordHash } }').upstreamCalls,
    ).toBe(6);
  });

  it("follows fragments, and honours @skip and @include with their variables", () => {
    const q = `query($skip: Boolean!) {
      accountByUid(uid: "a") { ...Secret ... on Account { privacyPolicyHistory { current { version } } } }
      accountsByUids(uids: ["b", "c"]) @skip(if: $skip) { uid }
    }
    fragment Secret on Account { passwordHash @include(if: true) }`;
    expect(cost(q, { skip: true }).upstreamCalls).toBe(3);
    expect(cost(q, { skip: false }).upstreamCalls).toBe(5);
  });
});

describe("operationCost: mutations, variables and size", () => {
  it("counts every mutation that runs, and what its payload reads", () => {
    expect(
      cost(`mutation {
        a: setAccountPassword(uid: "x", password: "p") { uid account { uid } }
        b: setAccountPassword(uid: "x", password: "p") { uid }
        a: setAccountPassword(uid: "x", password: "p") { account { uid } }
      }`),
    ).toEqual({ upstreamCalls: 3, sideEffects: 0 });
  });

  it("counts side effects per execution", () => {
    expect(
      cost(`mutation {
        a: generateForgotPasswordToken(email: "a@example.com") { token }
        b: generateForgotPasswordToken(email: "a@example.com", sendEmail: true) { token }
        c: issueAccessToken(uid: "x") { accessToken }
        d: revokeAllRefreshTokens(uid: "x") { revoked }
      }`),
    ).toEqual({ upstreamCalls: 4, sideEffects: 3 });
  });

  it("coerces variables as execution does; costs nothing when they do not coerce", () => {
    // A single value is a one-item list.
    expect(
      cost("query($u: [ID!]!) { accountsByUids(uids: $u) { uid } }", { u: 5 }).upstreamCalls,
    ).toBe(1);
    expect(cost("query($u: [ID!]!) { accountsByUids(uids: $u) { uid } }", {}).upstreamCalls).toBe(
      0,
    );
  });

  it("gives up on documents too large to cost", () => {
    const fields = Array.from({ length: 50 }, (_, i) => `f${i}: uid`).join(" ");
    expect(() => cost(`{ accountByUid(uid: "a") { ${fields} } }`, undefined, 20)).toThrow(
      CostTooComplexError,
    );
  });
});
