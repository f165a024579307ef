import { createHash } from "node:crypto";
import type { ApolloServerPlugin, LandingPage } from "@apollo/server";
import { LOCKED_DIRECTIVES } from "./graphiql-assets.js";

const OFFLINE_TEXT = "it appears that you might be offline.</p>";
const FALLBACK_LINK =
  '\n  <p>GraphiQL, served by this service with no CDN, works offline: <a href="/graphiql">/graphiql</a>.</p>';
const CORNER_LINK = `<style>
  #graphiql-link { position: fixed; right: 12px; bottom: 8px; z-index: 10; padding: 2px 8px;
    font: 12px sans-serif; color: #fff; background: #3f20ba; border-radius: 4px; }
</style>
<a id="graphiql-link" href="/graphiql" title="GraphiQL, bundled: works offline">GraphiQL (offline)</a>
`;

/**
 * Adds links to `/graphiql` to Apollo's landing-page HTML: one in its "cannot be loaded" fallback
 * (what an offline browser shows) and a small one in a corner over Sandbox. Apollo's options
 * have no footer for the embedded Sandbox, hence this.
 */
export const addGraphiqlLinks = (html: string): string => {
  const withFallback = html.includes(OFFLINE_TEXT)
    ? html.replace(OFFLINE_TEXT, `${OFFLINE_TEXT}${FALLBACK_LINK}`)
    : html;
  return withFallback.includes("</body>")
    ? withFallback.replace("</body>", `${CORNER_LINK}</body>`)
    : withFallback;
};

/**
 * What the embedded Sandbox loads, and nothing more: Apollo's script from its CDN, the Sandbox
 * iframe, Google's font stylesheet and fonts, the favicon and manifest; the operations it runs
 * go to this origin (the parent page relays them with fetch). Apollo's own list also allows its
 * Explorer, its non-embedded landing page and a development host; this page uses none of them.
 */
const SANDBOX_SOURCES = {
  script: "https://embeddable-sandbox.cdn.apollographql.com",
  style: "https://fonts.googleapis.com",
  font: "https://fonts.gstatic.com",
  image: "https://apollo-server-landing-page.cdn.apollographql.com",
  frame: "https://sandbox.embed.apollographql.com",
} as const;

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** The CSP hash of each inline `<script>` (those without `src`) and `<style>` block. */
const inlineHashes = (html: string) => ({
  scripts: [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) =>
    sha256(m[1] ?? ""),
  ),
  styles: [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1] ?? "")),
});

/** Response headers of a page served with `csp`: no framing, no sniffing, origin-only referrer. */
const pageHeaders = (csp: string): Readonly<Record<string, string>> =>
  Object.freeze({
    "content-security-policy": csp,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    // The Sandbox is told this page's URL anyway; other origins get no path or query.
    "referrer-policy": "strict-origin",
    "cache-control": "no-cache",
  });

/**
 * The Sandbox page as served: Apollo's HTML with the `/graphiql` links, its `<meta>` CSP and
 * per-render nonces taken out (a `<meta>` policy cannot say `frame-ancestors`), and the headers
 * that replace them: one CSP allowing exactly the inline blocks present (by hash) and
 * SANDBOX_SOURCES. The HTML no longer changes per request, so it is rendered once.
 */
export const sandboxPage = (apolloHtml: string) => {
  const html = addGraphiqlLinks(
    apolloHtml
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/i, "")
      .replace(/ nonce="?[0-9a-f]+"?/g, ""),
  );
  const { scripts, styles } = inlineHashes(html);
  const csp = [
    "default-src 'none'",
    `script-src ${[SANDBOX_SOURCES.script, ...scripts].join(" ")}`,
    `style-src ${[SANDBOX_SOURCES.style, ...styles].join(" ")}`,
    `font-src ${SANDBOX_SOURCES.font}`,
    `img-src ${SANDBOX_SOURCES.image}`,
    `manifest-src ${SANDBOX_SOURCES.image}`,
    `frame-src ${SANDBOX_SOURCES.frame}`,
    ...LOCKED_DIRECTIVES,
  ].join("; ");
  return { html, headers: pageHeaders(csp) };
};

/** Until Apollo has rendered the page: nothing may load, nothing may frame it. */
const NOTHING = pageHeaders("default-src 'none'; frame-ancestors 'none'");

export interface SandboxLandingPage<T extends object> {
  /** `plugin` with its HTML passed through sandboxPage, rendered once at start. */
  plugin: ApolloServerPlugin<T>;
  /** The headers of the page `plugin` serves (set on Apollo's HTML answers). */
  headers(): Readonly<Record<string, string>>;
}

/** Wraps Apollo's landing-page plugin (ApolloServerPluginLandingPageLocalDefault, embedded). */
export const sandboxLandingPage = <T extends object>(
  plugin: ApolloServerPlugin<T>,
): SandboxLandingPage<T> => {
  let headers = NOTHING;
  return {
    headers: () => headers,
    plugin: {
      ...plugin,
      async serverWillStart(service) {
        const listener = await plugin.serverWillStart?.(service);
        const render = listener?.renderLandingPage?.bind(listener);
        if (!listener || !render) return listener;
        return {
          ...listener,
          async renderLandingPage(): Promise<LandingPage> {
            const rendered = (await render()).html;
            const page = sandboxPage(typeof rendered === "string" ? rendered : await rendered());
            headers = page.headers;
            return { html: page.html };
          },
        };
      },
    },
  };
};
