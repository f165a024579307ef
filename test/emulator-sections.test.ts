import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EMULATED } from "../src/emulator/sections.js";
import { toy } from "./fixtures/toy-section/index.js";
import { ADA, GRACE, SEEDED_COUNTS, startEmulator } from "./helpers/emulator.js";

const NOTES = (uid: string) => `/identity/v2/manage/toy/${uid}/note`;
const tempFile = () => join(mkdtempSync(join(tmpdir(), "lr-sections-")), "data.jsonl");

// The one line a new section needs: the emulator takes `extraSections` exactly as it takes
// `EMULATED` from src/emulator/sections.ts.
const withToy = { extraSections: [toy] };

describe("a section added as a folder plus one line", () => {
  it("is served, with the credentials, call log and error bodies of every section", async () => {
    const lr = await startEmulator(withToy);
    try {
      const added = await lr.call("POST", NOTES(ADA), { body: { text: "hello" } });
      expect(added.body).toEqual({ Notes: ["hello"] });
      expect((await lr.call("GET", NOTES(GRACE))).body).toEqual({ Notes: ["seeded"] });
      expect((await lr.call("GET", NOTES(ADA), { auth: "none" })).body.ErrorCode).toBe(922);
      const calls = (await lr.control("GET", "/calls")).body.calls;
      expect(calls[0].route).toBe("POST /identity/v2/manage/toy/{uid}/note");
    } finally {
      await lr.close();
    }
  });

  it("reads another section's slice where the upstream couples them", async () => {
    const lr = await startEmulator(withToy);
    try {
      const res = await lr.call("POST", NOTES("nobody"), { body: { text: "x" } });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ ErrorCode: 938, Message: "User does not exist" });
    } finally {
      await lr.close();
    }
  });

  it("persists in the same journal as the accounts, tagged by section, and resets with them", async () => {
    const dataFile = tempFile();
    const first = await startEmulator({ ...withToy, dataFile });
    await first.call("POST", NOTES(ADA), { body: { text: "durable" } });
    await first.call("PUT", `/identity/v2/manage/account/${ADA}`, { body: { FirstName: "Kept" } });
    await first.close();
    const lines = readFileSync(dataFile, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.at(-2)).toMatchObject({ s: "toy", t: "note", uid: ADA, text: "durable" });
    expect(lines.at(-1)).toMatchObject({ s: "accounts", t: "put" });

    const second = await startEmulator({ ...withToy, dataFile });
    try {
      expect((await second.call("GET", NOTES(ADA))).body).toEqual({ Notes: ["durable"] });
      expect((await second.control("GET", "/health")).body).toEqual({
        ok: true,
        ...SEEDED_COUNTS,
        notes: 2,
      });
      await second.control("POST", "/reset");
      expect((await second.call("GET", NOTES(ADA))).body).toEqual({ Notes: [] });
      expect((await second.call("GET", `/identity/v2/manage/account/${ADA}`)).body.FirstName).toBe(
        "Ada",
      );
    } finally {
      await second.close();
    }
  });

  it("replays a journal written before sections existed (untagged entries are accounts)", async () => {
    const dataFile = tempFile();
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      dataFile,
      `${JSON.stringify({ t: "clear" })}\n${JSON.stringify({ t: "put", r: { Uid: "legacy-uid", Email: [{ Type: "Primary", Value: "legacy@example.net" }] } })}\n`,
    );
    const lr = await startEmulator({ dataFile });
    try {
      expect((await lr.call("GET", "/identity/v2/manage/account/legacy-uid")).status).toBe(200);
      expect((await lr.control("GET", "/health")).body).toEqual({
        ok: true,
        ...SEEDED_COUNTS,
        accounts: 1,
      });
    } finally {
      await lr.close();
    }
  });

  it("lists the emulated sections in one place", () => {
    expect(EMULATED.map((s) => s.name)).toEqual([
      "accounts",
      "roles",
      "customObjects",
      "security",
      "tokens",
      "identities",
      "webhooks",
      "search",
    ]);
  });
});
