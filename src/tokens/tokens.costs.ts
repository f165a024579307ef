import type { CostTable } from "../graphql/limits/cost.js";

/** One call each, never shared; every one mints a credential, two also send a message. */
export const TOKEN_COSTS: CostTable = {
  "Mutation.generateEmailToken": { sideEffect: "mints a token; sends an email" },
  "Mutation.generateSmsOtp": { sideEffect: "mints an OTP; sends an SMS" },
  "Mutation.generateSott": { sideEffect: "mints a SOTT" },
};
