import { type SocialIdentity, type SocialLogin, tokenHash } from "./session.store.js";

/**
 * Demo social logins, each a candidate token for `POST /identity/v2/auth/socialidentity`: what a
 * front end holds after a user signs in with a provider whose profile LoginRadius was told not to
 * create (`GET /identity/v2/auth/socialidentity`). Fixed GUIDs so tests and demos can name them.
 * The Facebook one is the identity the seeded social account already holds (linking it: 986).
 */
const DEMO_SOCIAL_LOGINS = {
  google: {
    token: "5ca1ab1e-0d0c-4a11-9e57-000000000001",
    identity: {
      Provider: "google",
      ID: "104857600000000000001",
      FullName: "Linus Torvalds",
      Email: [{ Type: "Primary", Value: "shared@example.com" }],
      ImageUrl: "https://images.example/linus-google.png",
    },
  },
  twitter: {
    token: "5ca1ab1e-0d0c-4a11-9e57-000000000002",
    identity: {
      Provider: "twitter",
      ID: "2244994945",
      FullName: "Ada Lovelace",
      Email: [],
      ImageUrl: null,
    },
  },
  facebook: {
    token: "5ca1ab1e-0d0c-4a11-9e57-000000000003",
    identity: {
      Provider: "facebook",
      ID: "10001234567890",
      FullName: "Linus T.",
      Email: [{ Type: "Primary", Value: "shared@example.com" }],
      ImageUrl: "https://images.example/linus.png",
    },
  },
} satisfies Record<string, { token: string; identity: SocialIdentity }>;

export type DemoSocialProvider = keyof typeof DEMO_SOCIAL_LOGINS;

/** The candidate token of a demo social login (tests, demos). */
export const demoCandidateToken = (provider: DemoSocialProvider): string =>
  DEMO_SOCIAL_LOGINS[provider].token;

/** The identity a demo social login links. */
export const demoSocialIdentity = (provider: DemoSocialProvider): SocialIdentity =>
  structuredClone(DEMO_SOCIAL_LOGINS[provider].identity);

/** Fresh copies every time: a reset must not share objects with records stored earlier. */
export const demoSocialLogins = (): SocialLogin[] =>
  Object.values(DEMO_SOCIAL_LOGINS).map(({ token, identity }) => ({
    hash: tokenHash(token),
    identity: structuredClone(identity),
  }));
