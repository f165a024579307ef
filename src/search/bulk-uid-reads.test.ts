import { describe, expect, it } from "vitest";
import type { WireProfile } from "../accounts/index.js";
import { createProfileChanges } from "../graphql/section.js";
import { createBulkUidReads } from "./bulk-uid-reads.js";
import type { SearchBody, SearchClient } from "./search.client.js";

/** A search double: answers the UIDs it holds, records what it was asked. */
const searchOver = (held: readonly string[], min: number, fail = false) => {
  const asked: SearchBody[] = [];
  const client: SearchClient = {
    batchViaSearchMin: min,
    search: async (body) => {
      asked.push(body);
      if (fail) throw new Error("search down");
      const rules = "group" in body.q ? body.q.group.rules : [];
      const uids = rules.map((r) => ("value" in r ? String(r.value) : ""));
      return {
        total: uids.length,
        data: uids.filter((u) => held.includes(u)).map((Uid) => ({ Uid, FirstName: "indexed" })),
      };
    },
    next: async () => ({ data: [] }),
  };
  return { client, asked };
};

const readAll = (reads: ReturnType<typeof createBulkUidReads>, uids: string[], singles: string[]) =>
  Promise.all(
    uids.map((uid) =>
      reads.read(uid, "Uid,FirstName", async () => {
        singles.push(uid);
        return { Uid: uid, FirstName: "profile" } as WireProfile;
      }),
    ),
  );

describe("batched UID reads through search", () => {
  it("answers a batch at the threshold with one search; UIDs it lacks with profile calls", async () => {
    const { client, asked } = searchOver(["a", "b"], 3);
    const singles: string[] = [];
    const got = await readAll(createBulkUidReads(client, undefined), ["a", "b", "c"], singles);
    expect(asked).toHaveLength(1);
    expect(got.map((p) => p.FirstName)).toEqual(["indexed", "indexed", "profile"]);
    expect(singles).toEqual(["c"]);
  });

  it("reads below the threshold, and with it 0, by profile calls only", async () => {
    for (const [min, uids] of [
      [3, ["a", "b"]],
      [0, ["a", "b", "c", "d"]],
    ] as const) {
      const { client, asked } = searchOver(["a", "b", "c", "d"], min);
      const singles: string[] = [];
      await readAll(createBulkUidReads(client, undefined), [...uids], singles);
      expect(asked).toEqual([]);
      expect(singles).toEqual(uids);
    }
  });

  it("reads a recently written UID by a profile call, and everything when the search fails", async () => {
    const profiles = createProfileChanges();
    profiles.changed("b");
    const { client } = searchOver(["a", "b", "c"], 2);
    const singles: string[] = [];
    const got = await readAll(createBulkUidReads(client, profiles), ["a", "b", "c"], singles);
    expect(got.map((p) => p.FirstName)).toEqual(["indexed", "profile", "indexed"]);
    expect(singles).toEqual(["b"]);
    const down = searchOver(["a", "b"], 2, true);
    const fallback: string[] = [];
    await readAll(createBulkUidReads(down.client, undefined), ["a", "b"], fallback);
    expect(fallback).toEqual(["a", "b"]);
  });
});
