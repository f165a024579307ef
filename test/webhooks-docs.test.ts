import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENTS } from "../src/webhooks/webhook.events.js";

/** docs/webhooks.md's event table says what src/webhooks/webhook.events.ts does, row by row. */
const rows = readFileSync(new URL("../docs/webhooks.md", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => /^\| `\w+` +\|/.test(line))
  .map((line) => line.split("|").map((cell) => cell.trim()));

describe("docs/webhooks.md", () => {
  it("has one row per event, with its parts and whether it primes", () => {
    const documented = Object.fromEntries(
      rows.map(([, event, parts, prime]) => [
        (event ?? "").replaceAll("`", ""),
        { parts: (parts ?? "").replaceAll("`", "").split(", "), prime: prime === "yes" },
      ]),
    );
    const actual = Object.fromEntries(
      Object.entries(WEBHOOK_EVENTS).map(([event, rule]) => [
        event,
        { parts: [...rule.parts], prime: rule.prime },
      ]),
    );
    expect(documented).toEqual(actual);
  });
});
