import type { IdentitiesClient } from "./identities.client.js";

const unexpected = (name: string) => () =>
  Promise.reject(new Error(`identitiesClientDouble: ${name} was called but not given`));

/** A test double of the identities client: the given methods, every other one failing loudly. */
export const identitiesClientDouble = (
  given: Partial<IdentitiesClient> = {},
): IdentitiesClient => ({
  signInWays: given.signInWays ?? unexpected("signInWays"),
  mintAccessToken: given.mintAccessToken ?? unexpected("mintAccessToken"),
  link: given.link ?? unexpected("link"),
  unlink: given.unlink ?? unexpected("unlink"),
  invalidate: given.invalidate ?? unexpected("invalidate"),
});
