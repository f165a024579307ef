import { z } from "zod";
import { WireIdentitySchema } from "../accounts/index.js";

/**
 * The JSON the identity flow reads: the minted access token (only the token: its refresh token
 * is ended with it, never kept), the Authentication API's flags, and the two profile keys the
 * flow needs. Unknown keys are dropped.
 */
/** Printable, no spaces: it goes into a header, so an answer that could split one is refused. */
export const WireMintedTokenSchema = z.object({
  access_token: z.string().regex(/^[\x21-\x7e]{1,512}$/),
});
export type WireMintedToken = z.infer<typeof WireMintedTokenSchema>;

export const WireLinkedSchema = z.object({ IsPosted: z.boolean() });
export type WireLinked = z.infer<typeof WireLinkedSchema>;

export const WireUnlinkedSchema = z.object({ IsDeleted: z.boolean() });
export type WireUnlinked = z.infer<typeof WireUnlinkedSchema>;

export const WireInvalidatedSchema = z.object({ IsPosted: z.boolean() });
export type WireInvalidated = z.infer<typeof WireInvalidatedSchema>;

/**
 * `Password` is read only to know whether one is set (the last-way-to-sign-in rule); the hash is
 * turned into a boolean at once and never kept.
 */
export const WireSignInWaysSchema = z
  .object({
    Uid: z.string().min(1),
    Password: z.string().nullish(),
    Identities: z.array(WireIdentitySchema).nullish(),
  })
  .transform(({ Uid, Password, Identities }) => ({
    Uid,
    hasPassword: typeof Password === "string" && Password !== "",
    Identities: Identities ?? [],
  }));
export type WireSignInWays = z.infer<typeof WireSignInWaysSchema>;
