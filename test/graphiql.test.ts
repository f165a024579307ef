import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

/** `/graphiql`: the offline explorer, every file served by the service itself. */
const TOKEN = "graphiql-7c1d9e2a4b6f";
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    env: {
      AUTH_TOKENS: authTokensEnv({ [TOKEN]: { name: "explorer", scopes: ["accounts:read"] } }),
    },
  });
});
afterAll(() => stack.close());

/** The `src=`/`href=` values of a page that a browser would fetch (not inline `data:`). */
const references = (html: string, base: string): URL[] =>
  [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)]
    .map((m) => new URL(m[1] ?? "", base))
    .filter((url) => url.protocol !== "data:");

/** A raw request, for a Host header fetch() would not send. */
const rawGet = (url: string, host: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });

describe("/graphiql", () => {
  it("serves the page and every file it references from the service, with no token", async () => {
    const page = await fetch(`${stack.url}/graphiql`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self'");
    const html = await page.text();
    const refs = references(html, page.url);
    expect(refs.map((u) => u.pathname).sort()).toEqual([
      "/graphiql/assets/graphiql-init.js",
      "/graphiql/assets/graphiql.min.css",
      "/graphiql/assets/graphiql.min.js",
      "/graphiql/assets/react-dom.production.min.js",
      "/graphiql/assets/react.production.min.js",
    ]);
    for (const url of refs) {
      expect(url.origin).toBe(new URL(stack.url).origin);
      const res = await fetch(url);
      expect(res.status, url.pathname).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const body = await res.text();
      expect(body.length).toBeGreaterThan(100);
      if (url.pathname.endsWith(".css"))
        // Fonts and icons are inlined: nothing in the stylesheet loads from elsewhere.
        expect([...body.matchAll(/url\((?!["']?data:)[^)]*\)/g)]).toEqual([]);
    }
  });

  it("answers a cached copy with 304 and a file outside the list with 404", async () => {
    const html = await (await fetch(`${stack.url}/graphiql`)).text();
    const css = references(html, stack.url).find((u) => u.pathname.endsWith(".css"));
    const first = await fetch(css ?? "");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]{16}"$/);
    const again = await fetch(css ?? "", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    for (const path of [
      "/graphiql/assets/package.json",
      "/graphiql/assets/..%2F..%2Fpackage.json",
      "/graphiql/assets/%2e%2e/%2e%2e/package.json",
      "/graphiql/assets/",
      "/graphiql/assets/__proto__",
    ])
      expect((await fetch(`${stack.url}${path}`)).status, path).toBe(404);
    const post = await fetch(`${stack.url}/graphiql`, { method: "POST" });
    expect(post.status).toBe(405);
  });

  it("keeps the Host check", async () => {
    expect(await rawGet(`${stack.url}/graphiql`, "evil.example")).toBe(421);
    expect(await rawGet(`${stack.url}/graphiql`, new URL(stack.url).host)).toBe(200);
  });

  it("is linked from the Sandbox landing page", async () => {
    const res = await fetch(`${stack.url}/graphql`, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("EmbeddedSandbox");
    expect(html).toContain('<a href="/graphiql">/graphiql</a>');
    expect(html).toContain('<a id="graphiql-link" href="/graphiql"');
  });

  it("is not served where introspection is off", async () => {
    const closed = await startStack({ env: { GRAPHQL_INTROSPECTION: "false" } });
    try {
      expect((await fetch(`${closed.url}/graphiql`)).status).toBe(404);
      expect((await fetch(`${closed.url}/graphiql/assets/graphiql.min.js`)).status).toBe(404);
    } finally {
      await closed.close();
    }
  });
});
