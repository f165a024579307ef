import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** One file the GraphiQL page needs, held in memory once read. */
export interface GraphiqlAsset {
  body: Buffer;
  contentType: string;
  /** A strong ETag from the content, also the `?v=` of the page's URLs (so `immutable` is safe). */
  etag: string;
  version: string;
}

const JS = "text/javascript; charset=utf-8";
const CSS = "text/css; charset=utf-8";

/**
 * Starts GraphiQL with the service's own `/graphql`. A file, not an inline script, so the page's
 * CSP needs no `'unsafe-inline'` for scripts. Headers are not persisted: a bearer token typed in
 * the headers editor stays in the tab, never in localStorage.
 */
const INIT_SCRIPT = `"use strict";
(function () {
  var fetcher = GraphiQL.createFetcher({ url: new URL("/graphql", window.location.href).href });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: "headers",
      shouldPersistHeaders: false,
      defaultHeaders: "{}",
      defaultQuery: ${JSON.stringify(
        [
          "# Account Graph: GraphiQL served by the service",
          "# itself, no CDN.",
          "#",
          "# Caller authentication: in Headers (below) enter",
          '#   {"Authorization": "Bearer <your token>"}',
          "# then re-fetch the schema (left bar, Shift-Ctrl-R).",
          "# Headers stay in this tab, never in the browser's storage.",
          "",
          "query FirstQuery {",
          '  accountByEmail(email: "ada@example.com") {',
          "    uid",
          "    fullName",
          "  }",
          "}",
          "",
        ].join("\n"),
      )},
    }),
  );
})();
`;

/**
 * The page's files, by the name under `/graphiql/assets/`: a fixed allow-list, so no request
 * path ever reaches the file system. GraphiQL 3's UMD build needs React 18's UMD builds (React
 * 19 has none); all three are npm dependencies, so the page works with no network at all.
 */
const SOURCES: ReadonlyMap<string, { pkg: string; file: string; type: string } | string> = new Map<
  string,
  { pkg: string; file: string; type: string } | string
>([
  ["react.production.min.js", { pkg: "react", file: "umd/react.production.min.js", type: JS }],
  [
    "react-dom.production.min.js",
    { pkg: "react-dom", file: "umd/react-dom.production.min.js", type: JS },
  ],
  ["graphiql.min.js", { pkg: "graphiql", file: "graphiql.min.js", type: JS }],
  ["graphiql.min.css", { pkg: "graphiql", file: "graphiql.min.css", type: CSS }],
  ["graphiql-init.js", INIT_SCRIPT],
]);

/** In page order: scripts run in this order (React, ReactDOM, GraphiQL, then ours). */
export const GRAPHIQL_SCRIPTS = [
  "react.production.min.js",
  "react-dom.production.min.js",
  "graphiql.min.js",
  "graphiql-init.js",
] as const;
export const GRAPHIQL_STYLES = ["graphiql.min.css"] as const;

const require = createRequire(import.meta.url);

const toAsset = (body: Buffer, contentType: string): GraphiqlAsset => {
  const version = createHash("sha256").update(body).digest("base64url").slice(0, 16);
  return { body, contentType, etag: `"${version}"`, version };
};

const readSource = async (source: { pkg: string; file: string; type: string } | string) => {
  if (typeof source === "string") return toAsset(Buffer.from(source, "utf8"), JS);
  // The packages' `exports` maps hide these files from require.resolve; package.json is exported.
  const root = dirname(require.resolve(`${source.pkg}/package.json`));
  return toAsset(await readFile(join(root, source.file)), source.type);
};

let loading: Promise<ReadonlyMap<string, GraphiqlAsset>> | undefined;

/**
 * Every asset, read from node_modules on the first request for the page (about 1.5 MB), then
 * served from memory. A failed read is forgotten so the next request tries again.
 */
export const loadGraphiqlAssets = (): Promise<ReadonlyMap<string, GraphiqlAsset>> => {
  loading ??= Promise.all(
    [...SOURCES].map(async ([name, source]) => [name, await readSource(source)] as const),
  ).then(
    (entries) => new Map(entries),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
};

/** The page: same-origin assets only, each URL carrying its content version. */
export const graphiqlHtml = (assets: ReadonlyMap<string, GraphiqlAsset>): string => {
  const url = (name: string) => `/graphiql/assets/${name}?v=${assets.get(name)?.version ?? ""}`;
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <link rel="icon" href="data:," />
    <title>Account Graph · GraphiQL</title>
${GRAPHIQL_STYLES.map((name) => `    <link rel="stylesheet" href="${url(name)}" />`).join("\n")}
  </head>
  <body style="margin: 0">
    <div id="graphiql" style="height: 100vh">Loading GraphiQL…</div>
${GRAPHIQL_SCRIPTS.map((name) => `    <script src="${url(name)}"></script>`).join("\n")}
  </body>
</html>
`;
};

/**
 * What both pages lock down alike: requests only to this origin, no plugins, no <base>, no form
 * posts, and never inside another site's frame.
 */
export const LOCKED_DIRECTIVES = [
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

/** Every source is the service's own origin; inline styles only because GraphiQL sets them. */
export const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  ...LOCKED_DIRECTIVES,
].join("; ");
