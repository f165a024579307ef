import type { IncomingHttpHeaders } from "node:http";
import type { Outbox } from "./outbox.js";

/**
 * Query parameters as LoginRadius reads them: names case-insensitive (the official SDKs disagree
 * on `userName` vs `username`, `refresh_Token` vs `refresh_token`), and an empty value, which the
 * Node SDK sends for unset booleans (`nullSupport=`), means "not given".
 */
export class Query {
  private readonly values = new Map<string, string>();
  readonly names: string[] = [];

  constructor(params: URLSearchParams) {
    for (const [name, value] of params) {
      this.names.push(name);
      const key = name.toLowerCase();
      if (value.trim() !== "" && !this.values.has(key)) this.values.set(key, value);
    }
  }

  get(name: string): string | undefined {
    return this.values.get(name.toLowerCase());
  }

  /** `true`/`false` in any casing; anything else is "not given". */
  bool(name: string): boolean | undefined {
    const value = this.get(name)?.toLowerCase();
    return value === "true" ? true : value === "false" ? false : undefined;
  }
}

/** Reads a key of a JSON body whatever its casing (LoginRadius body keys are case-insensitive). */
export const bodyValue = (body: Record<string, unknown> | undefined, key: string): unknown => {
  const wanted = key.toLowerCase();
  for (const [k, v] of Object.entries(body ?? {})) if (k.toLowerCase() === wanted) return v;
  return undefined;
};

/**
 * What a route handler sees: everything parsed, authenticated and checked already. `stores` holds
 * every section's store slice by section name; a section's routes declare the slices they read
 * (`Route<{ accounts: AccountStore }>`), so one section can consult another's where LoginRadius
 * couples them (roles check that the account exists).
 */
export interface RouteContext<Stores = Record<string, unknown>> {
  stores: Stores;
  outbox: Outbox;
  params: Record<string, string>;
  query: Query;
  /** The JSON body when the request had one (always an object on routes that require one). */
  body: Record<string, unknown> | undefined;
  headers: IncomingHttpHeaders;
  now: Date;
}

export type Method = "GET" | "POST" | "PUT" | "DELETE";

export interface Route<Stores = Record<string, unknown>> {
  method: Method;
  /** The documented path, `{name}` for path parameters; literal segments match any casing. */
  path: string;
  /** Whether a JSON object body is required (missing: 958 on POST, 1079 on PUT, 1081 on DELETE). */
  body?: boolean;
  /**
   * `key`: the Authentication API's routes, which take the API key alone (the account's access
   * token is the credential); a secret sent along is not looked at. Default: key and secret.
   */
  credentials?: "key";
  /** Where `fields` applies: the whole response (a profile) or each item of `Data`. */
  project?: "profile" | "data";
  // Method syntax on purpose: a Route<{ accounts: AccountStore }> is then accepted where the core
  // holds routes of every section.
  handle(ctx: RouteContext<Stores>): unknown;
}
