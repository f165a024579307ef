import type DataLoader from "dataloader";
import type { AccountsContext } from "../accounts/index.js";
import { perKeyLoader } from "../graphql/per-key-loader.js";
import type { BatchSizes } from "../graphql/selective-loader.js";
import { orWhenRejected } from "../loginradius/upstream-error.js";
import type { AuthenticatorKind, ReauthKind, SecurityClient } from "./security.client.js";
import type {
  WireBackupCodes,
  WireConsentLogs,
  WireIsDeleted,
  WireIsValid,
  WirePasskeys,
} from "./security.wire.js";

/**
 * The Account Security section's one door to LoginRadius within a request. Each per-account read
 * (backup codes, passkeys, consent logs) is fetched at most once per account per request, however
 * many times the operation selects it; every write goes through here and forgets (or primes)
 * what it changed.
 */
export class SecurityRepository {
  private readonly backupCodeLoader: DataLoader<string, WireBackupCodes>;
  private readonly passkeyLoader: DataLoader<string, WirePasskeys>;
  private readonly consentLoader: DataLoader<string, WireConsentLogs>;

  constructor(
    private readonly client: SecurityClient,
    sizes?: BatchSizes,
  ) {
    this.backupCodeLoader = perKeyLoader("backupCodes", (uid) => client.backupCodes(uid), sizes);
    this.passkeyLoader = perKeyLoader("passkeys", (uid) => client.passkeys(uid), sizes);
    this.consentLoader = perKeyLoader("consentLogs", (uid) => client.consentLogs(uid), sizes);
  }

  /** The first read mints the codes; later reads fail with 1127 (reset for new ones). */
  backupCodes(uid: string): Promise<WireBackupCodes> {
    return this.backupCodeLoader.load(uid);
  }

  passkeys(uid: string): Promise<WirePasskeys> {
    return this.passkeyLoader.load(uid);
  }

  consentLogs(uid: string): Promise<WireConsentLogs> {
    return this.consentLoader.load(uid);
  }

  /**
   * A check, not a write: changes nothing. LoginRadius answers 1193 for a token that is not (or
   * no longer) valid: a "no", not an error.
   */
  validateReauth(uid: string, kind: ReauthKind, token: string): Promise<WireIsValid> {
    return orWhenRejected(this.client.validateReauth(uid, kind, token), [1193], {
      IsValid: false,
    });
  }

  /** Removing the last factor drops the backup codes too: what was read of them no longer holds. */
  async resetAuthenticator(uid: string, kind: AuthenticatorKind): Promise<WireIsDeleted> {
    const result = await this.client.resetAuthenticator(uid, kind);
    this.backupCodeLoader.clear(uid);
    return result;
  }

  /** The new codes are what the request now knows of the account's codes. */
  async resetBackupCodes(uid: string): Promise<WireBackupCodes> {
    const codes = await this.client.resetBackupCodes(uid);
    this.backupCodeLoader.clear(uid).prime(uid, codes);
    return codes;
  }

  async removePasskey(uid: string, passkeyId: string): Promise<WireIsDeleted> {
    const result = await this.client.removePasskey(uid, passkeyId);
    this.passkeyLoader.clear(uid);
    return result;
  }
}

/** The Account Security section's slice of the request context. */
export interface SecuritySlice {
  security: SecurityRepository;
}

/**
 * What the Account Security resolvers see: the request, this section's slice, and the Accounts
 * slice (unlocking is a profile update, made through the Accounts repository so its cache follows).
 */
export type SecurityContext = AccountsContext & SecuritySlice;
