export type { EntityType, EntityTypes, Representation } from "./entity.js";
export { federationPolicies, NoServiceSdl } from "./rules.js";
export { FEDERATION_SPEC, toSubgraph } from "./subgraph.js";
