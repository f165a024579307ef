import type { BoundHttp } from "../loginradius/bound-http.js";
import { clientOver } from "../loginradius/endpoint-client.js";
import { type ClientOf, endpointsUnder, endpointTable } from "../loginradius/endpoints.js";
import {
  WireInvalidatedSchema,
  WireLinkedSchema,
  WireMintedTokenSchema,
  WireSignInWaysSchema,
  WireUnlinkedSchema,
} from "./identities.wire.js";

const manage = endpointsUnder("/identity/v2/manage/account");
/** Authentication API rows (`keyOnly`): the account's token and the key, never the secret. */
const auth = endpointsUnder("/identity/v2/auth");

const bearer = (accessToken: string) => ({ Authorization: `Bearer ${accessToken}` });
const LINKS = ["Mutation.linkIdentity", "Mutation.unlinkIdentity"];

/**
 * What linking and unlinking takes: the account's sign-in ways (management API), an access
 * token minted for it (management API, impersonation), and the Authentication API's calls made
 * with that token. The token is an argument, never a field: nothing here keeps it. Only the
 * profile read is retried: minting makes a credential, link and unlink change the account (a
 * repeat after a lost answer reads as 983/989), and a repeated invalidate answers 905 for a token
 * it did end. Link is POST as the API reference and the Node, .NET and Java SDKs send it (the Go
 * SDK uses PUT; the emulator serves both). The two management rows are the Accounts rows of the
 * same calls in docs/endpoint-coverage.md.
 */
export const IDENTITY_ENDPOINTS = endpointTable("Identities", {
  signInWays: manage.call("GET", "/{uid}", {
    retry: true,
    cache: "identities",
    answer: WireSignInWaysSchema,
    input: (uid: string) => ({ params: { uid }, query: { fields: "Uid,Password,Identities" } }),
    covers: { section: "Accounts", graph: LINKS },
  }),
  mintAccessToken: manage.call("GET", "/access_token", {
    retry: false,
    answer: WireMintedTokenSchema,
    input: (uid: string) => ({ query: { uid } }),
    covers: { section: "Accounts", toldApartBy: "`?uid=`", graph: LINKS },
  }),
  link: auth.call("POST", "/socialidentity", {
    retry: false,
    keyOnly: true,
    answer: WireLinkedSchema,
    input: (token: string, candidateToken: string) => ({
      headers: bearer(token),
      body: { candidatetoken: candidateToken },
    }),
    checkFirst: "read the account's identities (accountByUid) before linking again",
    covers: {
      toldApartBy: "`{candidatetoken}`, Bearer token",
      sdk: "authenticationApi.linkSocialIdentities",
      reference: "authentication/auth-link-social-identities",
      graph: ["Mutation.linkIdentity"],
    },
  }),
  linkByPut: auth.documented("PUT", "/socialidentity", {
    toldApartBy: "the Go SDK's method",
    sdk: "– (Go SDK `PutAuthLinkSocialIdentities`)",
    reference: "authentication/auth-link-social-identities",
    note: "(says POST)",
    graph: [],
    graphNote: "the graph sends POST, as the reference does",
  }),
  unlink: auth.call("DELETE", "/socialidentity", {
    retry: false,
    keyOnly: true,
    answer: WireUnlinkedSchema,
    input: (token: string, provider: string, providerId: string) => ({
      headers: bearer(token),
      body: { provider, providerid: providerId },
    }),
    checkFirst: "read the account's identities (accountByUid) before unlinking again",
    covers: {
      toldApartBy: "`{provider, providerid}`, Bearer",
      sdk: "authenticationApi.unlinkSocialIdentities",
      reference: "authentication/auth-unlink-social-identities",
      graph: ["Mutation.unlinkIdentity"],
    },
  }),
  validate: auth.documented("GET", "/access_token/validate", {
    toldApartBy: "Bearer token",
    sdk: "authenticationApi.authValidateAccessToken",
    reference: "authentication/auth-validate-access-token",
    graph: [],
    graphNote: "tests check the minted token is dead",
  }),
  /** Ends the token and, with it, the refresh token minted beside it (`preventRefresh`). */
  invalidate: auth.call("GET", "/access_token/invalidate", {
    retry: false,
    keyOnly: true,
    answer: WireInvalidatedSchema,
    input: (token: string) => ({ headers: bearer(token), query: { preventRefresh: true } }),
    covers: {
      toldApartBy: "`?preventRefresh=`, Bearer token",
      sdk: "authenticationApi.authInValidateAccessToken",
      reference: "authentication/auth-invalidate-access-token",
      graph: LINKS,
      graphNote: "(end the token they mint)",
    },
  }),
});

/** What linking and unlinking calls, as the repository sees it. */
export type IdentitiesClient = ClientOf<typeof IDENTITY_ENDPOINTS>;

/** The identities client over the adapter, as bound to one request (its id, deadline and call count go with every call). */
export const createIdentitiesClient = (http: BoundHttp): IdentitiesClient =>
  clientOver(IDENTITY_ENDPOINTS, http);
