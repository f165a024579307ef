import type { IncomingMessage, ServerResponse } from "node:http";
import {
  GRAPHIQL_CSP,
  type GraphiqlAsset,
  graphiqlHtml,
  loadGraphiqlAssets,
} from "./graphiql-assets.js";
import { sendJson } from "./send-json.js";

export interface GraphiqlRouteOptions {
  /** Introspection allowed (`config.introspection`): otherwise these paths are not served. */
  enabled: boolean;
}

const PAGE = "/graphiql";
const ASSETS = "/graphiql/assets/";

const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": GRAPHIQL_CSP,
  "cache-control": "no-cache",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
};

const send = (
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  headers: Record<string, string>,
) => {
  res.writeHead(200, { ...headers, "content-length": String(body.length) });
  res.end(req.method === "HEAD" ? undefined : body);
};

const sendAsset = (req: IncomingMessage, res: ServerResponse, asset: GraphiqlAsset) => {
  const headers = {
    "content-type": asset.contentType,
    // URLs carry the content version, so a browser may keep the file for good.
    "cache-control": "public, max-age=31536000, immutable",
    etag: asset.etag,
    "x-content-type-options": "nosniff",
    "cross-origin-resource-policy": "same-origin",
  };
  if (req.headers["if-none-match"] === asset.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  send(req, res, asset.body, headers);
};

/**
 * The offline explorer: `/graphiql` (the page) and `/graphiql/assets/<name>` (its files, from a
 * fixed list), GET or HEAD. Static and data-free, so no caller authentication: every GraphQL
 * request the page makes goes to `/graphql` with the bearer token the user sets in its headers
 * editor. Returns false for any other path (and for these when disabled: the caller's 404).
 */
export const serveGraphiql = async (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  options: GraphiqlRouteOptions,
): Promise<boolean> => {
  const isPage = pathname === PAGE || pathname === `${PAGE}/`;
  if (!options.enabled || !(isPage || pathname.startsWith(ASSETS))) return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    sendJson(res, 405, { error: "GraphiQL's files are read with GET." }, { allow: "GET, HEAD" });
    return true;
  }
  const assets = await loadGraphiqlAssets();
  if (isPage) {
    send(req, res, Buffer.from(graphiqlHtml(assets), "utf8"), PAGE_HEADERS);
    return true;
  }
  const asset = assets.get(pathname.slice(ASSETS.length));
  if (asset) sendAsset(req, res, asset);
  else sendJson(res, 404, { error: "No such GraphiQL file." });
  return true;
};
