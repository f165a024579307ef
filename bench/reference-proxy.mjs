// The bench's reference: the least a proxy can do for the `byUid` scenario, so the facade's CPU is
// judged against work done on the same machine in the same run, not against a figure from another
// day. Per request: read and parse the JSON body, check the bearer token, one keep-alive GET of
// the profile by UID with `fields`, map five fields, answer JSON. No GraphQL parsing, validation,
// limits, retries or logs: what the facade spends beyond this is the price of being a facade.
//
// Run by the bench as its own process (`node bench/reference-proxy.mjs`, with the service's V8
// flags), configured by REFERENCE_PORT, REFERENCE_UPSTREAM (the emulator's URL),
// REFERENCE_API_KEY, REFERENCE_API_SECRET and REFERENCE_TOKEN_SHA256. GET /metrics gives the
// counters the bench reads from the service, under the prefix `reference_proxy_`.
import { createHash } from "node:crypto";
import http from "node:http";
import { pathToFileURL } from "node:url";

const FIELDS = "Uid,FirstName,LastName,Email,PhoneId";
const ACCOUNT = "/identity/v2/manage/account";

/** The five fields of the `byUid` scenario from a LoginRadius profile, as the facade maps them. */
export const toAccount = (profile) => {
  const emails = Array.isArray(profile.Email) ? profile.Email : [];
  const primary = emails.find((e) => String(e?.Type).toLowerCase() === "primary") ?? emails[0];
  return {
    uid: profile.Uid ?? "",
    firstName: profile.FirstName ?? null,
    lastName: profile.LastName ?? null,
    primaryEmail: primary?.Value ?? null,
    phone: profile.PhoneId ?? null,
  };
};

const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });

/** One GET over the keep-alive agent; resolves with the status and the parsed body. */
const getJson = (agent, upstream, path, secret) =>
  new Promise((resolve, reject) => {
    const req = http.get(
      {
        agent,
        host: upstream.hostname,
        port: upstream.port,
        path,
        headers: { "x-loginradius-apisecret": secret },
      },
      (res) => {
        readBody(res)
          .then((text) => resolve({ status: res.statusCode, body: JSON.parse(text) }))
          .catch(reject);
      },
    );
    req.on("error", reject);
  });

const send = (res, status, body) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
};

/**
 * The reference proxy as an unstarted node:http server. `upstream` is the emulator's (or
 * LoginRadius's) origin; `tokenSha256` the hex SHA-256 of the one bearer token it accepts.
 */
export const createReferenceProxy = ({
  upstream,
  apiKey,
  apiSecret,
  tokenSha256,
  maxSockets = 64,
}) => {
  const origin = new URL(upstream);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const counts = { ok: 0, error: 0, inFlight: 0 };
  const metrics = () =>
    [
      `reference_proxy_operations_total{outcome="ok"} ${counts.ok}`,
      `reference_proxy_operations_total{outcome="error"} ${counts.error}`,
      `reference_proxy_upstream_in_flight ${counts.inFlight}`,
      "",
    ].join("\n");
  const answer = async (req, res) => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
    if (createHash("sha256").update(token).digest("hex") !== tokenSha256)
      return send(res, 401, { errors: [{ message: "unauthenticated" }] });
    const uid = JSON.parse(await readBody(req)).variables?.uid;
    const path = `${ACCOUNT}/${encodeURIComponent(uid)}?apikey=${apiKey}&fields=${FIELDS}`;
    counts.inFlight++;
    try {
      const { status, body } = await getJson(agent, origin, path, apiSecret);
      if (status !== 200) throw new Error(`upstream ${status}`);
      counts.ok++;
      send(res, 200, { data: { accountByUid: toAccount(body) } });
    } finally {
      counts.inFlight--;
    }
  };
  return http.createServer((req, res) => {
    if (req.method === "GET" && req.url === "/metrics") return res.end(metrics());
    if (req.method !== "POST" || req.url !== "/graphql") return send(res, 404, {});
    answer(req, res).catch((error) => {
      counts.error++;
      send(res, 200, { data: null, errors: [{ message: String(error.message) }] });
    });
  });
};

const main = () => {
  const env = process.env;
  const server = createReferenceProxy({
    upstream: env.REFERENCE_UPSTREAM,
    apiKey: env.REFERENCE_API_KEY,
    apiSecret: env.REFERENCE_API_SECRET,
    tokenSha256: env.REFERENCE_TOKEN_SHA256,
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(env.REFERENCE_PORT), "127.0.0.1");
  process.on("SIGTERM", () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
