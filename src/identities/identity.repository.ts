import type { WireIdentity } from "../accounts/index.js";
import { ErrorCodes, userError } from "../errors.js";
import type { ProfileChanges, RequestContext } from "../graphql/section.js";
import type { IdentitiesClient } from "./identities.client.js";
import type { WireSignInWays } from "./identities.wire.js";

const sameIdentity = (i: WireIdentity, provider: string, providerId: string) =>
  (i.Provider ?? "").toLowerCase() === provider.toLowerCase() && i.ID === providerId;

/** Whether the account could still sign in without this identity: a password or another one. */
export const keepsASignInWay = (
  ways: WireSignInWays,
  provider: string,
  providerId: string,
): boolean =>
  ways.hasPassword || ways.Identities.some((i) => !sameIdentity(i, provider, providerId));

/**
 * The identities section's door to LoginRadius. Linking and unlinking use the Authentication API,
 * which takes the account's own access token: each act mints one through the management API,
 * uses it once and ends it whatever happened (`finally`), so the token lives for one call and
 * never leaves this class. Every act tells `profiles` the account changed, so the request's
 * cached profile is forgotten even when the outcome is unknown.
 */
export class IdentityRepository {
  constructor(
    private readonly client: IdentitiesClient,
    private readonly profiles?: ProfileChanges,
  ) {}

  async link(uid: string, candidateToken: string): Promise<void> {
    await this.asAccount(uid, (token) => this.client.link(token, candidateToken));
  }

  /**
   * FAILED_PRECONDITION, before any token is minted, when this identity is the account's last
   * way to sign in (no password, no other identity): LoginRadius would leave it locked out.
   */
  async unlink(uid: string, provider: string, providerId: string): Promise<void> {
    const ways = await this.client.signInWays(uid);
    if (!keepsASignInWay(ways, provider, providerId))
      throw userError(
        ErrorCodes.FAILED_PRECONDITION,
        "This identity is the account's last way to sign in (no password, no other identity); set a password or link another identity first.",
        "providerId",
      );
    await this.asAccount(uid, (token) => this.client.unlink(token, provider, providerId));
  }

  /** The account's identities as LoginRadius holds them now (no cache: read after a change). */
  async identities(uid: string): Promise<WireIdentity[]> {
    return (await this.client.signInWays(uid)).Identities;
  }

  private async asAccount<T>(uid: string, act: (accessToken: string) => Promise<T>): Promise<T> {
    const { access_token: token } = await this.client.mintAccessToken(uid);
    try {
      return await act(token);
    } finally {
      this.profiles?.changed(uid);
      // A failed invalidation is logged by the adapter (endpoint and code, never the token); the
      // act's own answer is what the caller needs, and the token still expires on its own.
      await this.client.invalidate(token).catch(() => undefined);
    }
  }
}

/** The identities section's slice of the request context. */
export interface IdentitiesSlice {
  identities: IdentityRepository;
}

export type IdentitiesContext = RequestContext & IdentitiesSlice;
