import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen } from "../src/http/listen.js";
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

const launch = () =>
  chromium.launchPersistentContext(profile, {
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
      // No name resolves: a request the test does not answer itself cannot leave the machine.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });

describe("GraphiQL in a browser", () => {
  it("runs a query with a bearer token, and nothing leaves 127.0.0.1", async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium`).toBe(true);
    const browser = await launch();
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

/**
 * Apollo's CDN is not reachable from a test: the browser's requests to it are answered here, by a
 * stand-in `EmbeddedSandbox` that does what the real one does in the page (an iframe from
 * sandbox.embed.apollographql.com, operations relayed with fetch to the page's own URL). The page,
 * its inline script and styles and its CSP header are the service's real ones.
 */
const FAKE_SANDBOX = `window.EmbeddedSandbox = function (options) {
  var frame = document.createElement("iframe");
  frame.id = "fake-sandbox";
  frame.src = "https://sandbox.embed.apollographql.com/sandbox/explorer";
  document.querySelector(options.target).appendChild(frame);
  fetch(options.initialEndpoint, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer ${TOKEN}" },
    body: JSON.stringify({ query: ${JSON.stringify(QUERY)} }),
  }).then(function (r) { return r.text(); })
    .then(function (t) { document.body.setAttribute("data-answer", t); });
};`;

const APOLLO_FILES: Record<string, { type: string; body: string }> = {
  "https://embeddable-sandbox.cdn.apollographql.com": {
    type: "text/javascript",
    body: FAKE_SANDBOX,
  },
  "https://sandbox.embed.apollographql.com": {
    type: "text/html",
    body: "<!DOCTYPE html><title>sandbox</title><p id=ready>embedded</p>",
  },
  "https://fonts.googleapis.com": { type: "text/css", body: "/* fonts */" },
  "https://apollo-server-landing-page.cdn.apollographql.com": {
    type: "application/json",
    body: "{}",
  },
  "https://evil.example": { type: "text/plain", body: "reached" },
};

/** Answers Apollo's hosts from APOLLO_FILES, lets 127.0.0.1 through, refuses (and notes) the rest. */
const routeOffline = async (context: BrowserContext, refused: string[], local = [stack.url]) =>
  context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (local.some((base) => url.origin === new URL(base).origin)) return route.continue();
    const file = APOLLO_FILES[url.origin];
    if (file) return route.fulfill({ status: 200, contentType: file.type, body: file.body });
    refused.push(url.href);
    return route.abort();
  });

/** CSP violations the page reports, read back after the fact. */
const watchViolations = (page: Page) =>
  page.addInitScript(() => {
    const g = globalThis as unknown as {
      violations: string[];
      addEventListener(
        type: string,
        fn: (e: { violatedDirective: string; blockedURI: string }) => void,
      ): void;
    };
    g.violations = [];
    g.addEventListener("securitypolicyviolation", (e) =>
      g.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
const violationsOf = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { violations: string[] }).violations);

describe("the Sandbox landing page in a browser, under its CSP", () => {
  it("loads Apollo's script, runs its inline start-up, frames the Sandbox, relays an operation", async () => {
    const browser = await launch();
    try {
      const refused: string[] = [];
      await routeOffline(browser, refused);
      const page = await browser.newPage();
      await watchViolations(page);
      const problems: string[] = [];
      page.on("console", (m) => {
        // Chromium fetches the web-app manifest outside Playwright's routing: with no name
        // resolving it gets nothing, and says so. (Its CSP check would be a violation, below.)
        if (m.type() === "error" && !m.text().startsWith("Manifest: ")) problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      await page.goto(`${stack.url}/graphql`);

      await page.frameLocator("#fake-sandbox").locator("#ready").waitFor();
      await page.waitForFunction(() =>
        (
          globalThis as unknown as {
            document: { body: { getAttribute(n: string): string | null } };
          }
        ).document.body.getAttribute("data-answer"),
      );
      const answer = await page.locator("body").getAttribute("data-answer");
      expect(JSON.parse(answer ?? "{}")).toMatchObject({
        data: { accountByUid: { uid: ADA, fullName: "Ada Lovelace" } },
      });
      // The corner link's <style> block applies (allowed by its hash).
      const link = page.locator("#graphiql-link");
      expect(
        await link.evaluate(
          (el) =>
            (
              globalThis as unknown as { getComputedStyle(e: unknown): { position: string } }
            ).getComputedStyle(el).position,
        ),
      ).toBe("fixed");
      expect(await violationsOf(page)).toEqual([]);
      expect(problems).toEqual([]);
      // Refused: only what the page would fetch from elsewhere and is not Apollo's (fonts).
      expect(refused.every((url) => new URL(url).hostname === "fonts.gstatic.com")).toBe(true);

      // What the page does not need is blocked: another origin, an injected inline script.
      const reached = await page.evaluate(() =>
        fetch("https://evil.example/steal").then(
          () => "reached",
          () => "blocked",
        ),
      );
      expect(reached).toBe("blocked");
      await page.evaluate(() => {
        const d = (
          globalThis as unknown as {
            document: {
              createElement(t: string): { textContent: string };
              body: { appendChild(n: unknown): void };
            };
          }
        ).document;
        const script = d.createElement("script");
        script.textContent = "globalThis.injected = true";
        d.body.appendChild(script);
      });
      expect(await page.evaluate(() => (globalThis as { injected?: boolean }).injected)).toBe(
        undefined,
      );
      const violations = await violationsOf(page);
      expect(violations).toContain("connect-src https://evil.example/steal");
      expect(violations.some((v) => v.startsWith("script-src"))).toBe(true);
    } finally {
      await browser.close();
    }
  });

  it("cannot be framed by another origin, nor can /graphiql", async () => {
    // Another origin on loopback (another port), as a page that would clickjack them.
    const framer = await listen((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(
        `<iframe src="${stack.url}/graphql"></iframe><iframe src="${stack.url}/graphiql"></iframe>`,
      );
    }, 0);
    const browser = await launch();
    try {
      await routeOffline(browser, [], [stack.url, framer.url]);
      const page = await browser.newPage();
      const refusals: string[] = [];
      page.on("console", (m) => refusals.push(m.text()));
      await page.goto(framer.url);
      await page.waitForLoadState("load");
      const children = page.frames().filter((frame) => frame !== page.mainFrame());
      expect(children).toHaveLength(2);
      for (const frame of children) {
        // A refused frame is Chromium's error page, with none of the service's HTML.
        const html = await frame.content();
        expect(html).not.toContain("EmbeddedSandbox");
        expect(html).not.toContain("graphiql-init.js");
      }
      expect(refusals.filter((text) => text.includes("frame-ancestors"))).toHaveLength(2);
    } finally {
      await browser.close();
      await framer.close();
    }
  });
});
