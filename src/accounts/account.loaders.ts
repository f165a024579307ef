import type DataLoader from "dataloader";
import { perKeyLoader } from "../graphql/per-key-loader.js";
import type { BulkReads } from "../graphql/section.js";
import { fieldsParam, type KeySet } from "../graphql/selection.js";
import { type BatchSizes, SelectiveLoader } from "../graphql/selective-loader.js";
import { orWhenRejected } from "../loginradius/upstream-error.js";
import type { AccountsClient } from "./accounts.client.js";
import type { WirePasswordHash, WirePrivacyPolicyHistory, WireProfile } from "./accounts.wire.js";

/** LoginRadius answers 938 for "no such account": a null for loaders, not an error. */
const nullIfNotFound = <T>(call: Promise<T>): Promise<T | null> =>
  orWhenRejected(call, [938], null);

const lower = (key: string) => key.toLowerCase();

/**
 * The request's loaders. Every profile learned, by any route, primes the UID, phone and user
 * name loaders, so an account is fetched once per request however it is reached.
 */
export class AccountLoaders {
  readonly byUid: SelectiveLoader<WireProfile>;
  readonly byEmail: SelectiveLoader<WireProfile>;
  readonly byPhone: SelectiveLoader<WireProfile>;
  readonly byUserName: SelectiveLoader<WireProfile>;
  readonly identitiesByEmail: SelectiveLoader<WireProfile[]>;
  readonly passwordHash: DataLoader<string, WirePasswordHash | null>;
  readonly privacyPolicyHistory: DataLoader<string, WirePrivacyPolicyHistory | null>;

  /**
   * `bulk`: a section that reads many UIDs at once (search), asked per batch; each UID it does not
   * answer is read with its own profile call.
   */
  constructor(
    client: AccountsClient,
    sizes?: BatchSizes,
    bulk?: () => BulkReads<WireProfile> | undefined,
  ) {
    const observe = (loader: string) => (size: number) => sizes?.observe({ loader }, size);
    const learnt =
      (fetch: (key: string, fields: string) => Promise<WireProfile>) =>
      async (key: string, fields: KeySet): Promise<WireProfile | null> => {
        const profile = await nullIfNotFound(fetch(key, fieldsParam(fields)));
        if (profile) this.learn(profile, fields);
        return profile;
      };
    this.byUid = new SelectiveLoader(
      learnt((uid, f) => {
        const single = () => client.getByUid(uid, f);
        return bulk?.()?.read(uid, f, single) ?? single();
      }),
      undefined,
      observe("byUid"),
    );
    this.byEmail = new SelectiveLoader(
      learnt((email, f) => client.getByEmail(email, f)),
      lower,
      observe("byEmail"),
    );
    this.byPhone = new SelectiveLoader(
      learnt((phone, f) => client.getByPhone(phone, f)),
      undefined,
      observe("byPhone"),
    );
    this.byUserName = new SelectiveLoader(
      learnt((name, f) => client.getByUserName(name, f)),
      lower,
      observe("byUserName"),
    );
    this.identitiesByEmail = new SelectiveLoader(
      async (email, fields) => {
        const found = await nullIfNotFound(client.identitiesByEmail(email, fieldsParam(fields)));
        const profiles = found?.Data ?? [];
        for (const profile of profiles) this.learn(profile, fields);
        return profiles;
      },
      lower,
      observe("identitiesByEmail"),
    );
    const perUid = <T>(name: string, fetch: (uid: string) => Promise<T>) =>
      perKeyLoader(name, (uid: string) => nullIfNotFound(fetch(uid)), sizes);
    this.passwordHash = perUid("passwordHash", (uid) => client.getPasswordHash(uid));
    this.privacyPolicyHistory = perUid("privacyPolicyHistory", (uid) =>
      client.privacyPolicyHistory(uid),
    );
  }

  /** Primes the loaders keyed by unique values with a profile fetched with `fields`. */
  learn(profile: WireProfile, fields: KeySet): void {
    if (!profile.Uid) return;
    this.byUid.prime(profile.Uid, profile, fields);
    if (profile.PhoneId) this.byPhone.prime(profile.PhoneId, profile, fields);
    if (profile.UserName) this.byUserName.prime(profile.UserName, profile, fields);
  }

  /** After a write: nothing cached about this account may be served again in this request. */
  forget(uid: string): void {
    this.byUid.clear(uid);
    this.passwordHash.clear(uid);
    this.privacyPolicyHistory.clear(uid);
    this.forgetWhere((profile) => profile.Uid === uid);
  }

  /** After a delete by email: every account that had the email is gone. */
  forgetEmail(email: string): void {
    const wanted = email.toLowerCase();
    this.byEmail.clear(email);
    this.identitiesByEmail.clear(email);
    this.forgetWhere((profile) =>
      (profile.Email ?? []).some((e) => e.Value.toLowerCase() === wanted),
    );
  }

  private forgetWhere(matches: (profile: WireProfile) => boolean): void {
    const gone = new Set<string>();
    const check = (profile: WireProfile) => {
      if (!matches(profile)) return false;
      if (profile.Uid) gone.add(profile.Uid);
      return true;
    };
    for (const loader of [this.byUid, this.byEmail, this.byPhone, this.byUserName])
      loader.clearWhere(check);
    this.identitiesByEmail.clearWhere((profiles) => profiles.some(check));
    for (const uid of gone) {
      this.passwordHash.clear(uid);
      this.privacyPolicyHistory.clear(uid);
    }
  }
}
