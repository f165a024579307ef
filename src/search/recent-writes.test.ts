import { describe, expect, it } from "vitest";
import { createRecentWrites } from "./recent-writes.js";

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
