import { describe, expect, it } from "vitest";
import { demoCandidateToken, demoSocialIdentity } from "../src/emulator/identities/seed.js";
import { LINUS, LINUS_SOCIAL } from "./helpers/emulator.js";
import { officialSdkAgainstEmulator } from "./helpers/sdk.js";

/**
 * The official `loginradius-sdk` npm package, unchanged, against the emulator's Authentication
 * API routes an admin tool needs to link and unlink identities: social identity link and unlink,
 * access-token validation and invalidation. The access token comes from the SDK's own
 * impersonation call; only the SDK's transport is pointed at 127.0.0.1.
 */
const t = officialSdkAgainstEmulator();

const GOOGLE = demoSocialIdentity("google");

const identitiesOf = async (uid: string) =>
  ((await t.sdk.accountApi.getAccountProfileByUid(uid)).Identities ?? []) as {
    Provider: string;
    ID: string;
  }[];

describe("loginradius-sdk@11.7.0: authenticationApi social identities", () => {
  it("links a social login to the account, then unlinks it", async () => {
    const auth = t.sdk.authenticationApi;
    const { access_token } = await t.sdk.accountApi.getAccessTokenByUid(LINUS);
    expect(await auth.linkSocialIdentities(access_token, demoCandidateToken("google"))).toEqual({
      IsPosted: true,
    });
    expect(await identitiesOf(LINUS)).toMatchObject([{ Provider: "google", ID: GOOGLE.ID }]);
    // A candidate token is spent once linked; an identity another account holds cannot be linked.
    await expect(
      auth.linkSocialIdentities(access_token, demoCandidateToken("google")),
    ).rejects.toMatchObject({ ErrorCode: 983 });
    await expect(
      auth.linkSocialIdentities(access_token, demoCandidateToken("facebook")),
    ).rejects.toMatchObject({ ErrorCode: 986 });

    expect(await auth.unlinkSocialIdentities(access_token, "google", GOOGLE.ID)).toEqual({
      IsDeleted: true,
    });
    expect(await identitiesOf(LINUS)).toEqual([]);
    await expect(
      auth.unlinkSocialIdentities(access_token, "google", GOOGLE.ID),
    ).rejects.toMatchObject({ ErrorCode: 989 });
  });

  it("keeps the last way a password-less account signs in", async () => {
    const { access_token } = await t.sdk.accountApi.getAccessTokenByUid(LINUS_SOCIAL);
    await expect(
      t.sdk.authenticationApi.unlinkSocialIdentities(access_token, "facebook", "10001234567890"),
    ).rejects.toMatchObject({ ErrorCode: 1008 });
    expect(await identitiesOf(LINUS_SOCIAL)).toHaveLength(1);
  });

  it("refuses a link without a valid access token", async () => {
    await expect(
      t.sdk.authenticationApi.linkSocialIdentities(
        "00000000-0000-4000-8000-000000000000",
        demoCandidateToken("twitter"),
      ),
    ).rejects.toMatchObject({ ErrorCode: 905 });
  });
});

describe("loginradius-sdk@11.7.0: authenticationApi access tokens", () => {
  it("validates an impersonation token, invalidates it, and then refuses it", async () => {
    const auth = t.sdk.authenticationApi;
    const issued = await t.sdk.accountApi.getAccessTokenByUid(LINUS);
    expect(await auth.authValidateAccessToken(issued.access_token)).toEqual({
      access_token: issued.access_token,
      expires_in: issued.expires_in,
    });
    expect(await auth.authInValidateAccessToken(issued.access_token, true)).toEqual({
      IsPosted: true,
    });
    await expect(auth.authValidateAccessToken(issued.access_token)).rejects.toMatchObject({
      ErrorCode: 905,
    });
    // preventRefresh: the refresh token issued beside it no longer works either.
    await expect(
      t.sdk.accountApi.refreshAccessTokenByRefreshToken(issued.refresh_token),
    ).rejects.toMatchObject({ ErrorCode: 1217 });
  });
});
