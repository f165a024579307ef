import type { z } from "zod";
import type { BoundHttp } from "../loginradius/bound-http.js";
import { endpointsUnder } from "../loginradius/endpoints.js";
import type { Endpoint, HttpMethod } from "../loginradius/http.js";
import {
  type WireInvalidated,
  WireInvalidatedSchema,
  type WireLinked,
  WireLinkedSchema,
  type WireMintedToken,
  WireMintedTokenSchema,
  type WireSignInWays,
  WireSignInWaysSchema,
  type WireUnlinked,
  WireUnlinkedSchema,
} from "./identities.wire.js";

/**
 * What linking and unlinking takes: the account's sign-in ways (management API), an access
 * token minted for it (management API, impersonation), and the Authentication API's calls made
 * with that token. The token is an argument, never a field: nothing here keeps it.
 */
export interface IdentitiesClient {
  signInWays(uid: string): Promise<WireSignInWays>;
  mintAccessToken(uid: string): Promise<WireMintedToken>;
  link(accessToken: string, candidateToken: string): Promise<WireLinked>;
  unlink(accessToken: string, provider: string, providerId: string): Promise<WireUnlinked>;
  /** Ends the token and, with it, the refresh token minted beside it (`preventRefresh`). */
  invalidate(accessToken: string): Promise<WireInvalidated>;
}

const manage = endpointsUnder("/identity/v2/manage/account");
const authBase = endpointsUnder("/identity/v2/auth");
/** Authentication API rows: the account's token and the key, never the secret. */
const auth = <S extends z.ZodType>(
  method: HttpMethod,
  path: string,
  schema: S,
  checkFirst?: string,
): Endpoint<S> => ({ ...authBase(method, path, false, schema, checkFirst), keyOnly: true });

/**
 * The endpoints. Only the profile read is retried: minting makes a credential, link and unlink
 * change the account (a repeat after a lost answer reads as 983/989), and a repeated invalidate
 * answers 905 for a token it did end. Link is POST as the API reference and the Node, .NET and
 * Java SDKs send it (the Go SDK uses PUT; the emulator serves both).
 */
export const IDENTITY_ENDPOINTS = {
  signInWays: manage("GET", "/{uid}", true, WireSignInWaysSchema),
  mint: manage("GET", "/access_token", false, WireMintedTokenSchema),
  link: auth(
    "POST",
    "/socialidentity",
    WireLinkedSchema,
    "read the account's identities (accountByUid) before linking again",
  ),
  unlink: auth(
    "DELETE",
    "/socialidentity",
    WireUnlinkedSchema,
    "read the account's identities (accountByUid) before unlinking again",
  ),
  invalidate: auth("GET", "/access_token/invalidate", WireInvalidatedSchema),
} as const;

const E = IDENTITY_ENDPOINTS;

const bearer = (accessToken: string) => ({ Authorization: `Bearer ${accessToken}` });

/** The identities client over the adapter, bound to one request's scope. */
export const createIdentitiesClient = ({ call }: BoundHttp): IdentitiesClient => {
  return {
    signInWays: (uid) =>
      call(E.signInWays, { params: { uid }, query: { fields: "Uid,Password,Identities" } }),
    mintAccessToken: (uid) => call(E.mint, { query: { uid } }),
    link: (token, candidateToken) =>
      call(E.link, { headers: bearer(token), body: { candidatetoken: candidateToken } }),
    unlink: (token, provider, providerId) =>
      call(E.unlink, { headers: bearer(token), body: { provider, providerid: providerId } }),
    invalidate: (token) =>
      call(E.invalidate, { headers: bearer(token), query: { preventRefresh: true } }),
  };
};
