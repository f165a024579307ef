export { type FieldPolicy, POLICY, Policy, type UpstreamCost } from "./field-policy.js";
export {
  auditedFieldsOf,
  checkPolicies,
  costTableOf,
  fieldCostOf,
  missingPolicies,
  type PolicyRow,
  policyOf,
  policyRows,
} from "./policy-table.js";
