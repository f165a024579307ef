export type { EntityType, EntityTypes, Representation } from "./entity.js";
export { federationCosts, NoServiceSdl } from "./rules.js";
export { FEDERATION_SPEC, toSubgraph } from "./subgraph.js";
