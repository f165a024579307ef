import type { IncomingHttpHeaders } from "node:http";
import type { ControlResult } from "./control.js";
import type { CodeTable } from "./errors.js";
import type { PasswordPolicy } from "./password.js";
import type { Query, Route } from "./request.js";

/** A journal entry of one slice, without the section tag (the storage adds it). */
export interface SliceEntry {
  t: string;
}

/**
 * One section's part of the emulator's state. The storage owns the journal: a slice never writes
 * to disk itself, it calls the `write` it was created with (journal first, then `apply`), so every
 * slice persists in the same file and resets with the same control.
 */
export interface StoreSlice<E extends SliceEntry = SliceEntry> {
  /** Forgets everything (the `clear` of a reset or of a journal replay). */
  clear(): void;
  /** Applies one entry: a live write or a replayed one. Unknown kinds must be ignored. */
  apply(entry: E): void;
  /** The entries that rebuild the seed state after a clear. */
  seedEntries(): Iterable<E>;
  /** The entries that rebuild the current state after a clear (journal compaction). */
  snapshot(): Iterable<E>;
  /** Counts for the health and reset controls, e.g. `{ accounts: 60 }`. */
  counts(): Record<string, number>;
  /**
   * Sees every live write of every slice (never a replay or a reset), before it is applied, so
   * the slices still hold the state before it: the one place LoginRadius-side effects of a write
   * hang off (webhooks), whoever made the write (any route, a sweep).
   */
  observe?(write: ObservedWrite): void;
  /** Answers the slice's own test controls under `/__emulator/<path>`; undefined: not its path. */
  control?(
    method: string,
    path: string,
    search: URLSearchParams,
    body: unknown,
  ): ControlResult | undefined;
}

/** The API call a write happens in, when it happens in one. */
export interface WriteOrigin {
  headers: IncomingHttpHeaders;
  /** The route's name as the call log shows it (`PUT /identity/v2/manage/account/{uid}`). */
  route: string;
  query: Query;
  now: Date;
}

/** One live write as observers see it. */
export interface ObservedWrite {
  section: string;
  entry: SliceEntry;
  /** Every slice by section name, still before this write. */
  slices: ReadonlyMap<string, StoreSlice>;
  /** The API call that made it; null outside one. */
  origin: WriteOrigin | null;
}

/** Options every section is built with (from the emulator's environment). */
export interface SectionOptions {
  /** `demo` seeds demo data, `none` starts empty. */
  seed: "demo" | "none";
  /** How many demo records the main entity gets. */
  seedCount: number;
  password: PasswordPolicy;
  /** Where and how webhooks are sent (src/emulator/webhooks/); absent: nowhere, no faults. */
  webhooks?: WebhookSettings;
  /** The Cloud Directory search: its index lag and its own per-second limit (0: none). */
  search?: { lagMs: number; perSecond: number };
}

/** Faults of webhook deliveries, each a whole percentage of deliveries (0 to 100). */
export interface WebhookFaults {
  drop: number;
  duplicate: number;
  reorder: number;
  /** Milliseconds every delivery waits before it is sent. */
  delayMs: number;
}

export interface WebhookSettings {
  /** The API secret: the key of every webhook's signature, as LoginRadius signs. */
  secret: string;
  /** EMULATOR_WEBHOOK_URL: subscribed to every event at seed (and after each reset). */
  targets: readonly string[];
  faults: WebhookFaults;
}

/** Persists one entry of this slice (journal, then memory). */
export type SliceWriter<E extends SliceEntry> = (entry: E) => void;

/**
 * What a section folder exports: its name (the key of its slice in `RouteContext.stores`), its
 * store slice, its routes and the LoginRadius codes it can send. `src/emulator/sections.ts` lists
 * them; the core never imports a section.
 */
export interface EmulatedSection<
  Name extends string = string,
  Store extends StoreSlice = StoreSlice,
> {
  readonly name: Name;
  createStore(write: SliceWriter<SliceEntry>, options: SectionOptions): Store;
  // biome-ignore lint/suspicious/noExplicitAny: each section's routes declare the slices they read
  routes(options: SectionOptions): Route<any>[];
  readonly codes: CodeTable;
}

/** `{ accounts: AccountStore, roles: RoleStore }` from a list of sections. */
export type StoresOf<T extends readonly EmulatedSection[]> = {
  [S in T[number] as S["name"]]: ReturnType<S["createStore"]>;
};
