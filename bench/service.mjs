// How the bench runs the service: its environment, its bench token, a GraphQL call.
import { createHash, randomBytes } from "node:crypto";
import { seededUid } from "./load.mjs";
import { DEMO_API_KEY, DEMO_API_SECRET } from "./processes.mjs";

export const TOKEN = `bench-${randomBytes(16).toString("hex")}`;
const PROBE_UID = seededUid(8);
const PASSED_THROUGH = /^(UPSTREAM_|REQUEST_TIMEOUT_MS$|LOG_LEVEL$|MAX_|DOCUMENT_CACHE_BYTES$)/;

/**
 * The service as if in production against LoginRadius, except the limits that protect the real
 * LoginRadius and real callers: the emulator is not LoginRadius, and a caller budget or a 50/s
 * outbound cap would measure those limits, not the service.
 */
export const serviceEnv = (emulatorUrl) => ({
  NODE_ENV: "production",
  LOGINRADIUS_API_URL: emulatorUrl,
  LOGINRADIUS_API_KEY: DEMO_API_KEY,
  LOGINRADIUS_API_SECRET: DEMO_API_SECRET,
  AUTH_TOKENS: JSON.stringify({
    [createHash("sha256").update(TOKEN).digest("hex")]: {
      name: "bench",
      scopes: ["accounts:read", "accounts:write"],
    },
  }),
  RATE_LIMIT_OPS_PER_SECOND: "0",
  RATE_LIMIT_COST_PER_SECOND: "0",
  RATE_LIMIT_ITEMS_PER_SECOND: "0",
  MAX_INFLIGHT_PER_CALLER: "0",
  UPSTREAM_MAX_RPS: "100000",
  // The facade scenarios measure what the service adds to each upstream call, as before the
  // read cache existed; the fleet scenario (bench/fleet.mjs) measures the cache.
  CACHE_TTL_MS: "0",
  GRAPHQL_INTROSPECTION: "true",
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => PASSED_THROUGH.test(k))),
});

export const graphql = async (url, query, variables = {}) => {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
};

/**
 * Cold start ends at the first correct answer, not at the first open port. The reference proxy
 * answers the same call (it reads `variables.uid`), so one probe serves both.
 */
export const probe = async (url) =>
  (await graphql(url, "query($uid: ID!) { accountByUid(uid: $uid) { uid } }", { uid: PROBE_UID }))
    .data?.accountByUid?.uid === PROBE_UID;

/** The reference proxy (bench/reference-proxy.mjs) in front of the same emulator, same token. */
export const referenceEnv = (emulatorUrl) => ({
  REFERENCE_UPSTREAM: emulatorUrl,
  REFERENCE_API_KEY: DEMO_API_KEY,
  REFERENCE_API_SECRET: DEMO_API_SECRET,
  REFERENCE_TOKEN_SHA256: createHash("sha256").update(TOKEN).digest("hex"),
});

export const queryFields = async (service) =>
  (
    (await graphql(service.url, '{ __type(name: "Query") { fields { name } } }')).data?.__type
      ?.fields ?? []
  ).map((f) => f.name);
