import type { CallInput, Endpoint } from "../loginradius/http.js";
import type { CachePart } from "./invalidation.js";

/** Where a cached read lives: one endpoint and its identifiers, and the field set it holds. */
export interface ReadKey {
  /** Endpoint and identifiers without the field set: entries under one base differ in fields. */
  base: string;
  /**
   * The account the answer belongs to, "-" for a site-wide list (the roles), or "?" for a read
   * keyed otherwise (by email): what drops it. Only "?" reads are never cached (a write names
   * the UID, not the email), but they are coalesced.
   */
  owner: string;
  part: CachePart;
  /** The `fields` projection; null: every field. */
  fields: ReadonlySet<string> | null;
  /** `fields` as sent ("" for every field): the entry's name under its base. */
  fieldsText: string;
}

/** Whether the entry's field set holds every field the read needs. */
export const covers = (held: ReadonlySet<string> | null, needed: ReadonlySet<string> | null) => {
  if (held === null) return true;
  if (needed === null) return false;
  for (const field of needed) if (!held.has(field)) return false;
  return true;
};

const sortedPairs = (record: Record<string, unknown> | undefined, skip?: string) =>
  Object.keys(record ?? {})
    .filter((k) => k !== skip && record?.[k] !== undefined)
    .sort()
    .map((k) => `${k}=${encodeURIComponent(String(record?.[k]))}`)
    .join("&");

/**
 * The key of a read that may be shared, or null: only GETs whose endpoint names a cache part
 * (endpoints of secrets, tokens and audited reads name none) and that carry no caller's
 * credential. Cached only when keyed by the account's UID or by nothing (`owner` not "?").
 */
export const readKeyOf = (endpoint: Endpoint, input: CallInput): ReadKey | null => {
  if (endpoint.method !== "GET" || endpoint.cache === undefined || input.headers) return null;
  const params = input.params ?? {};
  const byQuery = Object.keys(input.query ?? {}).some((k) => k !== "fields");
  const owner = params.uid ?? (Object.keys(params).length === 0 && !byQuery ? "-" : "?");
  const raw = input.query?.fields;
  const fieldsText = typeof raw === "string" ? raw : "";
  const fields =
    fieldsText === ""
      ? null
      : new Set(
          fieldsText
            .split(",")
            .map((f) => f.trim())
            .filter(Boolean),
        );
  return {
    base: `${endpoint.path}?${sortedPairs(params)}?${sortedPairs(input.query, "fields")}`,
    owner,
    part: endpoint.cache,
    fields,
    fieldsText,
  };
};

/** The account a write changes (its `uid`), or null when it names none: then all is dropped. */
export const writeOwnerOf = (input: CallInput): string | null => {
  const inQuery = input.query?.uid;
  return input.params?.uid ?? (typeof inQuery === "string" ? inQuery : null);
};

/** The read a write's answer stands for: the GET of the same path, same field set. */
export const primedKeyOf = (endpoint: Endpoint, input: CallInput): ReadKey | null =>
  endpoint.cache === undefined
    ? null
    : readKeyOf(
        { ...endpoint, method: "GET" },
        {
          ...(input.params ? { params: input.params } : {}),
          ...(input.query?.fields === undefined ? {} : { query: { fields: input.query.fields } }),
        },
      );
