import { describe, expect, it } from "vitest";
import { fieldsParam, type KeySet } from "./selection.js";
import { SelectiveLoader } from "./selective-loader.js";

type Row = { id: string; fields: string };

/** A loader over a fetch that records `key fields` and answers what it was asked for. */
const recording = (normalize?: (key: string) => string) => {
  const calls: string[] = [];
  const batches: number[] = [];
  const loader = new SelectiveLoader<Row>(
    async (key: string, fields: KeySet) => {
      calls.push(`${key} ${fieldsParam(fields)}`);
      if (key === "missing") return null;
      if (key === "broken") throw new Error("upstream down");
      return { id: key, fields: fieldsParam(fields) };
    },
    normalize,
    (size) => batches.push(size),
  );
  return { loader, calls, batches };
};

const set = (...keys: string[]) => new Set(keys);

describe("SelectiveLoader", () => {
  it("fetches a key once per tick with the union of what its loads asked for", async () => {
    const { loader, calls, batches } = recording();
    const [a, b, c] = await Promise.all([
      loader.load("k", set("A")),
      loader.load("k", set("B")),
      loader.load("j", set("A")),
    ]);
    expect(calls).toEqual(["k A,B", "j A"]);
    expect(a).toBe(b);
    expect(c?.id).toBe("j");
    expect(batches).toEqual([2]);
  });

  it("serves a cached value that has every key asked for, and fetches the union when not", async () => {
    const { loader, calls } = recording();
    await loader.load("k", set("A", "B"));
    await loader.load("k", set("A"));
    expect(calls).toEqual(["k A,B"]);
    expect((await loader.load("k", set("C")))?.fields).toBe("A,B,C");
    expect(calls).toEqual(["k A,B", "k A,B,C"]);
  });

  it("gives null for a missing value and the Error for a failed key, without failing the others", async () => {
    const { loader } = recording();
    const results = await Promise.allSettled([
      loader.load("missing", set("A")),
      loader.load("broken", set("A")),
      loader.load("fine", set("A")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(results[0]).toEqual({ status: "fulfilled", value: null });
  });

  it("normalises keys, so case variants share one fetch", async () => {
    const { loader, calls } = recording((key) => key.toLowerCase());
    await Promise.all([loader.load("ADA", set("A")), loader.load("ada", set("A"))]);
    expect(calls).toEqual(["ada A"]);
  });

  it("keeps a fuller cached value over a primed partial one, and takes a fuller prime", async () => {
    const { loader, calls } = recording();
    await loader.load("k", set("A", "B"));
    loader.prime("k", { id: "k", fields: "A" }, set("A"));
    expect((await loader.load("k", set("A")))?.fields).toBe("A,B");
    loader.prime("k", { id: "k", fields: "primed" }, set("A", "B", "C"));
    expect((await loader.load("k", set("C")))?.fields).toBe("primed");
    expect(calls).toEqual(["k A,B"]);
  });

  it("forgets a key, or every key whose value matches", async () => {
    const { loader, calls } = recording();
    await Promise.all([loader.load("k", set("A")), loader.load("j", set("A"))]);
    loader.clear("k");
    loader.clearWhere((row) => row.id === "j");
    await Promise.all([loader.load("k", set("A")), loader.load("j", set("A"))]);
    expect(calls).toEqual(["k A", "j A", "k A", "j A"]);
  });
});
