import { describe, expect, it } from "vitest";
import { startDeadline } from "./deadline.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a request's deadline", () => {
  it("aborts with a TimeoutError when it passes", async () => {
    const deadline = startDeadline(20);
    await sleep(60);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toMatchObject({ name: "TimeoutError" });
  });

  it("never aborts once ended: the request was answered", async () => {
    const outer = new AbortController();
    const deadline = startDeadline(20, outer.signal);
    deadline.end();
    await sleep(60);
    outer.abort();
    expect(deadline.signal.aborted).toBe(false);
  });

  it("aborts with the outer signal's reason (a shutdown), at once if it already ended", () => {
    const outer = new AbortController();
    const deadline = startDeadline(10_000, outer.signal);
    const reason = new Error("shutting down");
    outer.abort(reason);
    expect(deadline.signal.reason).toBe(reason);
    expect(startDeadline(10_000, outer.signal).signal.reason).toBe(reason);
  });

  it("says when it passes, on the given clock", () => {
    expect(startDeadline(1_500, undefined, () => 1_000).at).toBe(2_500);
  });

  it("calls each listener once when it ends, and none that were removed", async () => {
    const deadline = startDeadline(10);
    const heard: string[] = [];
    const gone = () => heard.push("gone");
    deadline.signal.addEventListener("abort", () => heard.push("kept"));
    deadline.signal.addEventListener("abort", gone);
    deadline.signal.removeEventListener("abort", gone);
    await sleep(40);
    expect(heard).toEqual(["kept"]);
  });
});
