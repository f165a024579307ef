import type { CostTable } from "../graphql/limits/cost.js";

const ACTS = "acts as the account: mints an access token and ends it";

/**
 * One side effect each: the link or unlink, made with an access token minted for it. The payload's
 * identities are one more read, only when selected.
 */
export const IDENTITY_COSTS: CostTable = {
  "Mutation.linkIdentity": { sideEffect: `links an identity; ${ACTS}` },
  "Mutation.unlinkIdentity": { sideEffect: `unlinks an identity; ${ACTS}` },
  "IdentitiesPayload.identities": { perParent: true },
};
