import { Authorized, Extensions } from "type-graphql";
import type { Scope } from "../auth/scopes.js";
import type { FieldArgs } from "../limits/cost.js";

/**
 * What one resolution of a field costs upstream, in LoginRadius calls (src/graphql/limits/cost.ts
 * counts them before execution):
 * - `"each-run"`: one call each time it resolves (every mutation: nothing is shared);
 * - `{ loader, keyArgs }`: through a per-request loader, one call per distinct key in the whole
 *   operation; the key is `loader:arg1/arg2` (a single list argument gives one key per item), the
 *   same key `_entities` reads (`byUid:ada`), so what the loaders share is counted once;
 * - `{ perParent }`: one call per distinct parent object (and per `perParentArgs` values);
 * - `{ eachRun, itemsArg }`: one call each time, answering a page of as many items as the
 *   argument says (a connection's `first`), else `assumedItems`;
 * - `{ keys, says }`: keys computed from the arguments (Federation's `_entities`).
 * `assumedItems`: items a list answer is assumed to hold when the arguments do not tell.
 */
export type UpstreamCost =
  | "each-run"
  | { loader: string; keyArgs: readonly string[]; assumedItems?: number }
  | { perParent: true; perParentArgs?: readonly string[] }
  | { eachRun: true; itemsArg: string; assumedItems: number }
  | { keys: (args: FieldArgs) => readonly string[]; says: string };

/**
 * A field's whole policy, declared once on the field (`@Policy`). The scope, cost, side-effect and
 * audit tables, docs/field-policy.md and the tests' field lists are read back from the built
 * schema (policy-table.ts), never typed again.
 */
export interface FieldPolicy<S extends Scope = Scope> {
  /**
   * The scope a caller needs (type-graphql's `@Authorized`, checked before the resolver, so a
   * denied field costs no call). Absent on an object field: its type's `@ReadGuard` decides.
   * Every root field names one (the schema build fails otherwise).
   */
  scope?: S;
  /** Its upstream calls. Absent: it reshapes what its parent already read (no call). */
  cost?: UpstreamCost;
  /** What it sends or mints (email, SMS, token): counted against MAX_SIDE_EFFECTS. */
  sideEffect?: string;
  /**
   * `"secret-read"`: an object field read as a secret, audited like a mutation (intent before the
   * read). Every mutation is audited whatever it says. The identifiers each line records come
   * from the field's argument types (src/graphql/audit/audit.subject.ts).
   */
  audit?: "secret-read";
}

/** The `extensions` key the policy lives under in the built schema. */
export const POLICY = "policy";

/**
 * Declares a field's policy: `@Authorized(scope)` when it names a scope, plus the policy itself
 * (and `extensions.scope`, which read-scope.ts and the scope tests read) as field extensions,
 * which type-graphql copies onto the schema's field and the subgraph keeps.
 */
export const Policy =
  <S extends Scope>(policy: FieldPolicy<S>): MethodDecorator & PropertyDecorator =>
  (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    if (policy.scope !== undefined)
      Authorized(policy.scope)(target, key, descriptor as PropertyDescriptor);
    const scope = policy.scope === undefined ? {} : { scope: policy.scope };
    Extensions({ [POLICY]: policy, ...scope })(target, key, descriptor as PropertyDescriptor);
  };
