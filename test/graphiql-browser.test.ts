import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADA } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

/**
 * A real headless browser (Debian's chromium, which `.ci/run` installs) loads `/graphiql` with
 * caller auth on, sets the bearer header in GraphiQL's headers editor, runs a query and reads the
 * answer from the page. Every request the page makes must go to the service on 127.0.0.1.
 * Without chromium this test fails: it is the only proof the page works offline.
 */
const CHROMIUM = "/usr/bin/chromium";
const TOKEN = "browser-3f8a1c5e7d9b";
let stack: Stack;
const profile = mkdtempSync(join(tmpdir(), "graphiql-browser-"));
beforeAll(async () => {
  stack = await startStack({
    env: {
      AUTH_TOKENS: authTokensEnv({ [TOKEN]: { name: "explorer", scopes: ["accounts:read"] } }),
    },
  });
});
afterAll(async () => {
  await stack.close();
  rmSync(profile, { recursive: true, force: true });
});

const QUERY = `query Who { accountByUid(uid: "${ADA}") { uid fullName } }`;

describe("GraphiQL in a browser", () => {
  it("runs a query with a bearer token, and nothing leaves 127.0.0.1", async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium`).toBe(true);
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    try {
      const page = await browser.newPage();
      const requests: { url: string; authorization?: string }[] = [];
      const problems: string[] = [];
      page.on("request", (r) =>
        requests.push({ url: r.url(), authorization: r.headers().authorization }),
      );
      page.on("console", (m) => {
        if (m.type() === "error" && !m.text().includes("401")) problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      await page.goto(`${stack.url}/graphiql`);
      await page.locator(".graphiql-container").waitFor();

      await page.getByRole("button", { name: "Headers" }).click();
      await page.locator(".graphiql-editor-tool .CodeMirror").last().click();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.insertText(`{"Authorization": "Bearer ${TOKEN}"}`);
      await page.locator(".graphiql-query-editor .CodeMirror").click();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.insertText(QUERY);
      // GraphiQL reads the operation name from the editor after a debounce; its saved tab state
      // shows when it has (else the run would still name the default query's operation).
      await page.waitForFunction(() =>
        // Runs in the page; the test's tsconfig has no DOM types.
        (
          (
            globalThis as unknown as { localStorage: { getItem(k: string): string | null } }
          ).localStorage.getItem("graphiql:tabState") ?? ""
        ).includes('"operationName":"Who"'),
      );
      await page.locator(".graphiql-execute-button").click();

      const result = page.locator(".graphiql-response");
      await result.getByText("Ada Lovelace").waitFor();
      expect(await result.textContent()).toContain(ADA);

      const origin = new URL(stack.url).origin;
      expect(requests.length).toBeGreaterThanOrEqual(6);
      expect(requests.filter((r) => new URL(r.url).origin !== origin)).toEqual([]);
      expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const run = requests.filter(
        (r) => r.url === `${origin}/graphql` && r.authorization === `Bearer ${TOKEN}`,
      );
      expect(run.length).toBeGreaterThanOrEqual(1);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
