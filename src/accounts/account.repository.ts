import type { BulkReads, ProfileChanges, RequestContext, SliceLinks } from "../graphql/section.js";
import { fieldsParam, type KeySet } from "../graphql/selection.js";
import type { BatchSizes } from "../graphql/selective-loader.js";
import { AccountLoaders } from "./account.loaders.js";
import type { AccountsClient } from "./accounts.client.js";
import type {
  WireAccessToken,
  WireDeleted,
  WireEmail,
  WireForgotToken,
  WirePasswordHash,
  WirePosted,
  WirePrivacyPolicyHistory,
  WireProfile,
  WireProfileBody,
  WireVerificationToken,
} from "./accounts.wire.js";

/**
 * The Accounts section's one door to LoginRadius within a request: reads go through the
 * request's loaders (batched, de-duplicated, projected), and every write goes through here and
 * then forgets or primes what it changed, so no resolver can serve a stale account by
 * forgetting to. Returns wire values; the mappers turn them into GraphQL ones.
 */
export class AccountRepository {
  private readonly loaders: AccountLoaders;

  constructor(
    private readonly client: AccountsClient,
    sizes?: BatchSizes,
    links?: SliceLinks,
    /** Told of every write before it is sent: search must not serve the account for a while. */
    private readonly profiles?: ProfileChanges,
  ) {
    this.loaders = new AccountLoaders(
      client,
      sizes,
      () => links?.bulkProfiles() as BulkReads<WireProfile> | undefined,
    );
  }

  byUid(uid: string, keys: KeySet): Promise<WireProfile | null> {
    return this.loaders.byUid.load(uid, keys);
  }

  byEmail(email: string, keys: KeySet): Promise<WireProfile | null> {
    return this.loaders.byEmail.load(email, keys);
  }

  byPhone(phone: string, keys: KeySet): Promise<WireProfile | null> {
    return this.loaders.byPhone.load(phone, keys);
  }

  byUserName(userName: string, keys: KeySet): Promise<WireProfile | null> {
    return this.loaders.byUserName.load(userName, keys);
  }

  /** Every account holding the email; [] when none. */
  async identitiesByEmail(email: string, keys: KeySet): Promise<WireProfile[]> {
    return (await this.loaders.identitiesByEmail.load(email, keys)) ?? [];
  }

  passwordHash(uid: string): Promise<WirePasswordHash | null> {
    return this.loaders.passwordHash.load(uid);
  }

  privacyPolicyHistory(uid: string): Promise<WirePrivacyPolicyHistory | null> {
    return this.loaders.privacyPolicyHistory.load(uid);
  }

  create(body: WireProfileBody, keys: KeySet): Promise<WireProfile> {
    return this.writeProfile(keys, (fields) => this.client.createAccount(body, fields));
  }

  update(uid: string, body: WireProfileBody, nullSupport: boolean, keys: KeySet) {
    return this.writeProfile(
      keys,
      (f) => this.client.updateAccount(uid, body, nullSupport, f),
      uid,
    );
  }

  updatePhoneId(uid: string, phone: string, keys: KeySet): Promise<WireProfile> {
    return this.writeProfile(keys, (fields) => this.client.updatePhoneId(uid, phone, fields), uid);
  }

  /**
   * LoginRadius documents no management call that removes a phone ID (only "Remove Phone ID by
   * Access Token"); the account update with `PhoneId: null` and `nullSupport=true` clears it.
   */
  removePhoneId(uid: string, keys: KeySet): Promise<WireProfile> {
    return this.writeProfile(
      keys,
      (f) => this.client.updateAccount(uid, { PhoneId: null }, true, f),
      uid,
    );
  }

  upsertEmails(uid: string, emails: WireEmail[], keys: KeySet): Promise<WireProfile> {
    return this.writeProfile(keys, (fields) => this.client.upsertEmail(uid, emails, fields), uid);
  }

  removeEmail(uid: string, email: string, keys: KeySet): Promise<WireProfile> {
    return this.writeProfile(keys, (fields) => this.client.removeEmail(uid, email, fields), uid);
  }

  setPassword(uid: string, password: string): Promise<WirePasswordHash> {
    return this.writeForgetting(uid, () => this.client.setPassword(uid, password));
  }

  /** Forgets the old UID; the new one has never been read in this request. */
  updateUid(uid: string, newUid: string): Promise<WirePosted> {
    this.profiles?.changed(newUid);
    return this.writeForgetting(uid, () => this.client.updateUid(uid, newUid));
  }

  invalidateEmailVerification(
    uid: string,
    options: { emailTemplate?: string; verificationUrl?: string },
  ): Promise<WirePosted> {
    return this.writeForgetting(uid, () => this.client.invalidateEmailVerification(uid, options));
  }

  resetPhoneIdVerification(
    uid: string,
    options: { smsTemplate?: string; isVoiceOtp?: boolean },
  ): Promise<WirePosted> {
    return this.writeForgetting(uid, () => this.client.resetPhoneIdVerification(uid, options));
  }

  deleteByUid(uid: string): Promise<WireDeleted> {
    return this.writeForgetting(uid, () => this.client.deleteByUid(uid));
  }

  /** Every account that had the email is gone: forgets them all. */
  async deleteByEmail(email: string): Promise<WireDeleted> {
    const deleted = await this.client.deleteByEmail(email);
    this.loaders.forgetEmail(email);
    return deleted;
  }

  forgotPasswordToken(
    who: { email: string } | { username: string },
    options: { emailTemplate?: string; resetPasswordUrl?: string; sendEmail?: boolean },
  ): Promise<WireForgotToken> {
    return this.client.forgotPasswordToken(who, options);
  }

  emailVerificationToken(email: string): Promise<WireVerificationToken> {
    return this.client.emailVerificationToken(email);
  }

  accessTokenByUid(uid: string): Promise<WireAccessToken> {
    return this.client.accessTokenByUid(uid);
  }

  refreshAccessToken(refreshToken: string): Promise<WireAccessToken> {
    return this.client.refreshAccessToken(refreshToken);
  }

  revokeRefreshToken(refreshToken: string): Promise<WireDeleted> {
    return this.client.revokeRefreshToken(refreshToken);
  }

  revokeAllRefreshTokens(uid: string): Promise<WireDeleted> {
    return this.client.revokeAllRefreshTokens(uid);
  }

  /**
   * Another section's write changed this account's profile (role assignment writes `Roles`):
   * nothing cached about it may be served again in this request.
   */
  forget(uid: string): void {
    this.loaders.forget(uid);
  }

  /**
   * A write that answers with the profile, asked for the selection's keys: that fresh profile
   * becomes what the request knows of the account.
   */
  private async writeProfile(
    keys: KeySet,
    write: (fields: string) => Promise<WireProfile>,
    uid?: string,
  ): Promise<WireProfile> {
    if (uid !== undefined) this.profiles?.changed(uid);
    const profile = await write(fieldsParam(keys));
    if (profile.Uid) {
      this.profiles?.changed(profile.Uid);
      this.loaders.forget(profile.Uid);
      this.loaders.learn(profile, keys);
    }
    return profile;
  }

  /** A write that answers with a flag: once it succeeded, nothing cached about the account holds. */
  private async writeForgetting<T>(uid: string, write: () => Promise<T>): Promise<T> {
    this.profiles?.changed(uid);
    const result = await write();
    this.loaders.forget(uid);
    return result;
  }
}

/** The Accounts section's slice of the request context. */
export interface AccountsSlice {
  accounts: AccountRepository;
}

/** What the Accounts resolvers see: the request, and this section's slice. */
export type AccountsContext = RequestContext & AccountsSlice;
