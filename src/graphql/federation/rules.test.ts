import { describe, expect, it } from "vitest";
import { costOf } from "../../../test/helpers/operation-cost.js";

const cost = (query: string, variables?: Record<string, unknown>) =>
  costOf(query, variables).upstreamCalls;
const reps = (...uids: string[]) => uids.map((uid) => ({ __typename: "Account", uid }));

describe("what the Federation fields cost", () => {
  it("_entities: one call per distinct UID, shared with the other UID reads", () => {
    const q = `query($r: [_Any!]!) {
      accountByUid(uid: "a") { uid }
      _entities(representations: $r) { ... on Account { uid } }
    }`;
    expect(cost(q, { r: reps("a", "b", "b", "c") })).toBe(3);
  });

  it("_entities: a per-account field below counts once per distinct UID", () => {
    const q = `query($r: [_Any!]!) {
      _entities(representations: $r) { ... on Account { uid passwordHash } }
    }`;
    expect(cost(q, { r: reps("a", "b", "a") })).toBe(4);
  });

  it("_entities: representations of no known type cost nothing (they fail before a call)", () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`;
    expect(cost(q, { r: [{ __typename: "Order", id: "1" }, "junk", null] })).toBe(0);
  });

  it("_service costs nothing", () => {
    expect(cost("{ _service { sdl } }")).toBe(0);
  });
});
