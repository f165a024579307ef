import type { RequestListener } from "node:http";
import { CallLog } from "./core/call-log.js";
import { FaultTable } from "./core/faults.js";
import { createHandler } from "./core/handler.js";
import { openJournal } from "./core/journal.js";
import { Outbox } from "./core/outbox.js";
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from "./core/password.js";
import { SiteRateLimit } from "./core/rate-limit.js";
import type { EmulatedSection, SectionOptions, WebhookFaults } from "./core/section.js";
import { Storage } from "./core/storage.js";
import { DEFAULT_SEARCH_LAG_MS, DEFAULT_SEARCH_PER_SECOND } from "./search/index.js";
import { EMULATED, type EmulatedStores } from "./sections.js";
import { NO_WEBHOOK_FAULTS } from "./webhooks/index.js";

/** The documented demo credentials (GUIDs, as LoginRadius keys are). */
export const DEMO_API_KEY = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
export const DEMO_API_SECRET = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";

/** Clock skew allowed past a signature's expiry (UNCONFIRMED: LoginRadius states none). */
export const DEFAULT_SIGNATURE_SKEW_MS = 300_000;

/** How many demo records each section seeds unless `EMULATOR_SEED_COUNT` says otherwise. */
export const DEFAULT_SEED_COUNT = 60;

export interface EmulatorOptions {
  apiKey?: string;
  apiSecret?: string;
  /** `demo` (default) seeds the demo data; `none` starts empty. */
  seed?: "demo" | "none";
  /** How many demo accounts to seed (default 60). */
  seedCount?: number;
  /** The site's password policy (default: LoginRadius's documented default, 6 to 32 characters). */
  password?: Partial<PasswordPolicy>;
  /** A JSON-lines journal that makes every write survive a restart. */
  dataFile?: string;
  /** Milliseconds every API call waits before it is answered (default 0); controls never wait. */
  latencyMs?: number;
  /** Calls per second one site (API key) may make before 429 (default: no limit). */
  rateLimitPerSecond?: number;
  /** A strict-mode site: calls without a valid request signature are refused (1207/1209). */
  requireSigning?: boolean;
  /** How long past its expiry a request signature is still accepted (default 300 000 ms). */
  signatureSkewMs?: number;
  /** How long a write takes to become searchable (default 1 000 ms; see search/index.ts). */
  searchLagMs?: number;
  /** Searches per second one site may make before 429 (default 10; 0: no limit). */
  searchPerSecond?: number;
  /** The clock, for tests. */
  now?: () => Date;
  /** URLs subscribed to every webhook event at seed (EMULATOR_WEBHOOK_URL); loopback only. */
  webhookUrls?: readonly string[];
  /** Webhook faults at start (EMULATOR_WEBHOOK_*); the control API changes them later. */
  webhookFaults?: Partial<WebhookFaults>;
  /** Extra sections served after the emulated ones (test fixtures). */
  extraSections?: readonly EmulatedSection[];
}

export interface Emulator {
  handler: RequestListener;
  /** Every section's store slice, by section name (extra sections included, untyped). */
  stores: EmulatedStores & Record<string, unknown>;
  /** The accounts slice: kept for the service's start-up message (`store.size`). */
  store: EmulatedStores["accounts"];
  /** Counts of every slice, as the health control reports them. */
  counts(): Record<string, number>;
  calls: CallLog;
  faults: FaultTable;
  outbox: Outbox;
  apiKey: string;
  apiSecret: string;
}

const sectionOptions = (options: EmulatorOptions): SectionOptions => ({
  seed: options.seed ?? "demo",
  seedCount: options.seedCount ?? DEFAULT_SEED_COUNT,
  password: { ...DEFAULT_PASSWORD_POLICY, ...options.password },
  webhooks: {
    secret: options.apiSecret ?? DEMO_API_SECRET,
    targets: options.webhookUrls ?? [],
    faults: { ...NO_WEBHOOK_FAULTS, ...options.webhookFaults },
  },
  search: {
    lagMs: options.searchLagMs ?? DEFAULT_SEARCH_LAG_MS,
    perSecond: options.searchPerSecond ?? DEFAULT_SEARCH_PER_SECOND,
  },
});

/**
 * The LoginRadius Account API twin: the documented paths, query names, bodies and error codes of
 * every section in `sections.ts`. Returns a request listener and its state; it does not listen
 * (see src/http/listen.ts).
 */
export const createEmulator = (options: EmulatorOptions = {}): Emulator => {
  const apiKey = options.apiKey ?? DEMO_API_KEY;
  const apiSecret = options.apiSecret ?? DEMO_API_SECRET;
  const sections: readonly EmulatedSection[] = [...EMULATED, ...(options.extraSections ?? [])];
  const built = sectionOptions(options);
  const journal = options.dataFile ? openJournal(options.dataFile) : undefined;
  const storage = new Storage(sections, built, journal);
  const stores = Object.fromEntries(storage.slices) as Emulator["stores"];
  const calls = new CallLog();
  const faults = new FaultTable();
  const outbox = new Outbox();
  const handler = createHandler({
    routes: sections.flatMap((section) => section.routes(built)),
    stores,
    storage,
    calls,
    faults,
    outbox,
    credentials: { apiKey, apiSecret },
    now: options.now ?? (() => new Date()),
    latencyMs: options.latencyMs ?? 0,
    ...(options.rateLimitPerSecond
      ? { rateLimit: new SiteRateLimit(options.rateLimitPerSecond) }
      : {}),
    signing: {
      required: options.requireSigning ?? false,
      skewMs: options.signatureSkewMs ?? DEFAULT_SIGNATURE_SKEW_MS,
    },
  });
  const counts = () => storage.counts();
  return {
    handler,
    stores,
    store: stores.accounts,
    counts,
    calls,
    faults,
    outbox,
    apiKey,
    apiSecret,
  };
};
