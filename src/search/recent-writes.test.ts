import { describe, expect, it } from "vitest";
import { createFleetRecentWrites, createRecentWrites } from "./recent-writes.js";

describe("createRecentWrites", () => {
  it("holds a UID for the window and forgets it after", () => {
    let now = 0;
    const writes = createRecentWrites(1000, 10, () => now);
    writes.wrote("a");
    now = 999;
    expect(writes.isRecent("a")).toBe(true);
    expect(writes.isRecent("b")).toBe(false);
    now = 1000;
    expect(writes.isRecent("a")).toBe(false);
  });

  it("past its bound, counts every UID as recent until the window passes (never stale)", () => {
    let now = 0;
    const writes = createRecentWrites(1000, 3, () => now);
    for (const uid of ["a", "b", "c", "d"]) writes.wrote(uid);
    expect(writes.isRecent("never-written")).toBe(true);
    now = 1000;
    expect(writes.isRecent("never-written")).toBe(false);
  });
});

describe("createFleetRecentWrites", () => {
  it("answers with every replica's writes from Redis, and its own (or peers' announced) ones", async () => {
    const local = createRecentWrites(1000);
    local.wrote("mine");
    const fleet = createFleetRecentWrites(local, {
      recentAmong: async () => new Set(["theirs"]),
      onPeerDrop: () => {},
    });
    expect([...(await fleet.recentAmong(["mine", "theirs", "nobody"]))].sort()).toEqual([
      "mine",
      "theirs",
    ]);
  });

  it("with Redis failing, falls back to its own writes and those peers announced (never an error)", async () => {
    const local = createRecentWrites(1000);
    let peer: (owners: readonly string[]) => void = () => {};
    const fleet = createFleetRecentWrites(local, {
      recentAmong: async () => null,
      onPeerDrop: (listener) => {
        peer = listener;
      },
    });
    peer(["theirs"]);
    fleet.wrote("mine");
    expect([...(await fleet.recentAmong(["mine", "theirs", "nobody"]))]).toEqual([
      "mine",
      "theirs",
    ]);
    expect(fleet.isRecent("mine")).toBe(true);
  });
});
