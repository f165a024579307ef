import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { ErrorCodes } from "../errors.js";
import type { Caller } from "./caller.js";

/**
 * Trusted documents (a persisted-operation safelist): the operations internal tools registered at
 * build time, by id. A caller marked trusted-only (its AUTH_TOKENS entry, its JWT's
 * `trusted_documents_only` claim, or everyone with TRUSTED_DOCUMENTS_ONLY=true) may run only
 * these, so a leaked tool token cannot run an arbitrary query.
 */
export interface TrustedDocuments {
  /** Registered id -> document text. */
  byId: ReadonlyMap<string, string>;
  /** Registered texts, so a trusted-only caller may also send a registered document in full. */
  texts: ReadonlySet<string>;
  /** TRUSTED_DOCUMENTS_ONLY=true: every caller is trusted-only. */
  onlyForAll: boolean;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const APOLLO_ID = /^[A-Za-z0-9:._-]{1,128}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * The client preset's `persisted-documents.json`: `{ "sha256:<hex of the text>": "<text>" }`
 * (older presets write the bare hex).
 */
const fromClientPreset = (json: Record<string, unknown>, problems: string[]) => {
  const documents = new Map<string, string>();
  for (const [key, text] of Object.entries(json)) {
    const id = key.replace(/^sha256:/, "");
    if (typeof text !== "string" || !SHA256_HEX.test(id) || sha256Hex(text) !== id)
      problems.push(
        `entry '${id.slice(0, 80)}' is not "<sha256 hex of the document>": "<document>"`,
      );
    else documents.set(id, text);
  }
  return documents;
};

/** Apollo's persisted query list: `{ format, version: 1, operations: [{ id, body }] }`. */
const fromApolloList = (json: Record<string, unknown>, problems: string[]) => {
  const documents = new Map<string, string>();
  const operations = Array.isArray(json.operations) ? json.operations : [];
  if (json.version !== 1 || !Array.isArray(json.operations))
    problems.push("an apollo-persisted-query-manifest needs version 1 and an operations list");
  operations.forEach((operation: unknown, index) => {
    if (
      !isObject(operation) ||
      typeof operation.id !== "string" ||
      !APOLLO_ID.test(operation.id) ||
      typeof operation.body !== "string"
    )
      problems.push(`operations[${index}] needs an id (letters, digits, : . _ -) and a body`);
    else documents.set(operation.id, operation.body);
  });
  return documents;
};

/** A manifest's text, in either format, as id -> document; problems name entries, not texts. */
export const parseManifest = (
  text: string,
): { documents: Map<string, string>; problems: string[] } => {
  const problems: string[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { documents: new Map(), problems: ["it is not JSON"] };
  }
  if (!isObject(json)) return { documents: new Map(), problems: ["it must be a JSON object"] };
  const documents =
    json.format === "apollo-persisted-query-manifest"
      ? fromApolloList(json, problems)
      : fromClientPreset(json, problems);
  return { documents, problems };
};

/** Reads TRUSTED_DOCUMENTS_FILE at start; throws with the problems, so a bad file stops start-up. */
export const loadTrustedDocuments = (path: string, onlyForAll: boolean): TrustedDocuments => {
  const { documents, problems } = parseManifest(readFileSync(path, "utf8"));
  if (problems.length > 0)
    throw new Error(`TRUSTED_DOCUMENTS_FILE ${path}: ${problems.slice(0, 5).join("; ")}.`);
  return { byId: documents, texts: new Set(documents.values()), onlyForAll };
};

export interface TrustedRefusal {
  status: 400;
  body: { errors: { message: string; extensions: { code: string } }[] };
}

/** What the GraphQL handler goes on with: the request, with a registered id replaced by its text. */
export type TrustedOutcome =
  | { ok: true; body: unknown; search: string; params: URLSearchParams }
  | { ok: false; refusal: TrustedRefusal };

const refuse = (code: string, message: string): TrustedOutcome => ({
  ok: false,
  refusal: { status: 400, body: { errors: [{ message, extensions: { code } }] } },
});

/** `documentId` (GraphQL over HTTP, `sha256:` prefix optional) or Apollo's persisted-query hash. */
const idOf = (documentId: unknown, extensions: unknown): string | undefined => {
  if (typeof documentId === "string") return documentId.replace(/^sha256:/, "");
  const pq = isObject(extensions) ? extensions.persistedQuery : undefined;
  return isObject(pq) && typeof pq.sha256Hash === "string" ? pq.sha256Hash : undefined;
};

const withoutPersistedQuery = (extensions: unknown) => {
  if (!isObject(extensions)) return undefined;
  const { persistedQuery: _, ...rest } = extensions;
  return Object.keys(rest).length > 0 ? rest : undefined;
};

const parseJson = (text: string | null): unknown => {
  try {
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** One request's operation as sent, whether in a POST body or a GET query string. */
const partsOf = (method: string, body: unknown, search: URLSearchParams) =>
  method === "GET"
    ? {
        query: search.get("query") ?? undefined,
        id: idOf(search.get("documentId") ?? undefined, parseJson(search.get("extensions"))),
      }
    : isObject(body)
      ? {
          query: typeof body.query === "string" ? body.query : undefined,
          id: idOf(body.documentId, body.extensions),
        }
      : { query: undefined, id: undefined };

/** The request with `query` set to a registered document and the id fields taken out. */
const substitute = (
  method: string,
  body: unknown,
  search: URLSearchParams,
  rawSearch: string,
  text: string,
): TrustedOutcome => {
  if (method === "GET") {
    const params = new URLSearchParams(search);
    params.delete("documentId");
    const extensions = withoutPersistedQuery(parseJson(params.get("extensions")));
    if (extensions) params.set("extensions", JSON.stringify(extensions));
    else params.delete("extensions");
    params.set("query", text);
    return { ok: true, body, search: `?${params}`, params };
  }
  const { documentId: _, extensions, ...rest } = body as Record<string, unknown>;
  const kept = withoutPersistedQuery(extensions);
  return {
    ok: true as const,
    body: { ...rest, query: text, ...(kept ? { extensions: kept } : {}) },
    search: rawSearch,
    params: search,
  };
};

/**
 * Before any parsing: a registered id becomes its document; an unknown id is refused when it
 * cannot be an automatic persisted query; a trusted-only caller's unregistered document is
 * refused. Everything else goes on unchanged (APQ, when on, still answers its own ids).
 */
export const applyTrustedDocuments = (
  trusted: TrustedDocuments | null,
  caller: Caller,
  request: {
    method: string;
    body: unknown;
    search: URLSearchParams;
    /** The query string as received (`?a=b` or ""), passed on as it is when nothing changes. */
    rawSearch: string;
    apq: boolean;
  },
): TrustedOutcome => {
  const { method, body, search, rawSearch } = request;
  // The request as received: no re-serialising or re-parsing of its query string per request.
  const unchanged: TrustedOutcome = { ok: true, body, search: rawSearch, params: search };
  const only = trusted !== null && (trusted.onlyForAll || caller.trustedDocumentsOnly === true);
  if (trusted === null) return unchanged;
  const { query, id } = partsOf(method, body, search);
  if (id !== undefined) {
    const text = trusted.byId.get(id);
    if (text !== undefined && (query === undefined || query === text))
      return substitute(method, body, search, rawSearch, text);
    if (only || !request.apq)
      return refuse(
        ErrorCodes.PERSISTED_QUERY_NOT_FOUND,
        "No registered operation has this id: register the tool's operations (see docs/company-graph.md, Trusted documents).",
      );
    return unchanged;
  }
  if (only && query !== undefined && !trusted.texts.has(query))
    return refuse(
      ErrorCodes.TRUSTED_DOCUMENT_REQUIRED,
      "This caller may run only registered operations: send the operation's id (documentId) instead of its text.",
    );
  return unchanged;
};

/** The configured manifest (TRUSTED_DOCUMENTS_FILE), loaded; null when none is set. */
export const trustedDocumentsOf = (config: {
  file: string | null;
  onlyForAll: boolean;
}): TrustedDocuments | null =>
  config.file === null ? null : loadTrustedDocuments(config.file, config.onlyForAll);
