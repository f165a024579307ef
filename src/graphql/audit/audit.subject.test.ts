import { buildSchema, type GraphQLField } from "graphql";
import { describe, expect, it } from "vitest";
import { reasonOf, subjectOf, subjectPlanOf } from "./audit.subject.js";

const schema = buildSchema(`
  enum Kind { SMS EMAIL }
  input Secretive { password: String, refreshToken: String, apiKey: String, value: String, name: String }
  input Nested { emails: [EmailInput!], inner: Nested, uid: ID }
  input EmailInput { type: String, value: String }
  type Query { x: Int }
  type Mutation {
    act(uid: ID!, phone: String, note: String, kind: Kind, extra: Secretive, secret: Secretive, reason: String): Int
    deep(input: Nested): Int
    many(uids: [ID!]!): Int
    clash(code: ID): Int
    clash2(field: ID): Int
  }
`);
const field = (name: string) =>
  schema.getMutationType()?.getFields()[name] as GraphQLField<unknown, unknown>;

describe("the identifiers an audit line takes from a field's arguments", () => {
  it("keeps IDs, enums and allow-listed strings; never secrets or free text", () => {
    const subject = subjectOf(subjectPlanOf(field("act")), {
      uid: "u1",
      phone: "+14155550101",
      note: "free text",
      kind: "SMS",
      extra: { password: "p", refreshToken: "t", apiKey: "k", value: "v", name: "shown" },
      // Under a name that says secret, nothing is kept, whatever the leaf.
      secret: { name: "hidden" },
      reason: "ticket 1",
    });
    expect(subject).toEqual({
      uid: "u1",
      phone: "+14155550101",
      kind: "SMS",
      "extra.name": "shown",
    });
  });

  it("follows nested inputs and lists, keyed by path, up to a depth", () => {
    const plan = subjectPlanOf(field("deep"));
    const subject = subjectOf(plan, {
      input: {
        uid: "a",
        emails: [{ type: "Primary", value: "a@example.com" }],
        inner: { uid: "b" },
      },
    });
    expect(subject).toEqual({
      "input.uid": "a",
      "input.emails.value": ["a@example.com"],
      "input.inner.uid": "b",
    });
    expect(plan.length).toBeLessThan(20);
  });

  it("bounds what a hostile list can put in one line: 100 values of 256 characters", () => {
    const uids = Array.from({ length: 5_000 }, (_, i) => `${"u".repeat(1_000)}${i}`);
    const { uids: kept } = subjectOf(subjectPlanOf(field("many")), { uids }) as { uids: string[] };
    expect(kept).toHaveLength(100);
    expect(kept.every((uid) => uid.length <= 257)).toBe(true);
    expect(reasonOf({ reason: "r".repeat(10_000) }).reason?.length).toBeLessThanOrEqual(601);
  });

  it("writes invisible and control characters visibly: the line shows what was sent", () => {
    expect(reasonOf({ reason: "\u200b\u200b" }).reason).toBe("\\u{200b}\\u{200b}");
    expect(reasonOf({ reason: "\u202eGDPR\n" }).reason).toBe("\\u{202e}GDPR\\u{a}");
  });

  it("refuses at start-up an argument that would overwrite the line's own keys", () => {
    expect(() => subjectPlanOf(field("clash2"))).toThrow(/overwrite the line's own key/);
    // `code` is never kept at all (a code is a secret), so it cannot clash.
    expect(subjectPlanOf(field("clash"))).toEqual([]);
  });
});
