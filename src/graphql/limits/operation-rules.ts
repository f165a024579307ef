import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, type ValidationContext, type ValidationRule } from "graphql";
import { type ErrorCode, ErrorCodes } from "../../errors.js";
import { hideSuggestionsPlugin, maxDirectivesRule, noSubscriptionsRule } from "./document-rules.js";
import type { OperationLimits } from "./limits.config.js";

/** The codes a limit rejection carries; the metrics count rejections by them. */
export const LIMIT_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  ErrorCodes.MAX_DEPTH_EXCEEDED,
  ErrorCodes.MAX_ALIASES_EXCEEDED,
  ErrorCodes.MAX_DIRECTIVES_EXCEEDED,
  ErrorCodes.MAX_TOKENS_EXCEEDED,
  ErrorCodes.COST_LIMIT_EXCEEDED,
  ErrorCodes.SIDE_EFFECT_LIMIT_EXCEEDED,
  ErrorCodes.RATE_LIMITED,
]);

/** graphql-armor reports through this: one error per limit, with that limit's own code. */
const reportAs =
  (code: ErrorCode) =>
  (context: ValidationContext | null, error: GraphQLError): void =>
    context?.reportError(
      new GraphQLError(error.message.replace(/^Syntax Error: /, ""), { extensions: { code } }),
    );

export interface ArmorProtection {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
}

/**
 * Depth and aliases as validation rules (graphql-armor), directives (ours: every directive,
 * fragment spreads included) and no subscriptions, each reporting its own code; and field
 * suggestions removed unless the schema is open anyway (`blockSuggestions` is `!introspection`):
 * "Did you mean passwordHash?" would otherwise spell out the schema.
 * armor's token limit is off: it parses the document a second time in a hook whose errors
 * become HTTP 500; graphql's own `maxTokens` parse option (`parseOptions`) stops the one parse
 * at the first token over the limit instead. armor's cost limit is off: ours counts upstream
 * calls (cost.ts).
 */
export const armorProtection = (
  limits: OperationLimits,
  blockSuggestions: boolean,
): ArmorProtection => {
  const armor = new ApolloArmor({
    maxDepth: {
      n: limits.maxDepth,
      propagateOnRejection: false,
      onReject: [reportAs(ErrorCodes.MAX_DEPTH_EXCEEDED)],
    },
    maxAliases: {
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [reportAs(ErrorCodes.MAX_ALIASES_EXCEEDED)],
    },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    validationRules: [
      ...(armor.validationRules as ValidationRule[]),
      maxDirectivesRule(limits.maxDirectives),
      noSubscriptionsRule,
    ],
    plugins: [
      ...(armor.plugins as ApolloServerPlugin[]),
      ...(blockSuggestions ? [hideSuggestionsPlugin()] : []),
    ],
  };
};

/**
 * graphql-js's message when `parseOptions.maxTokens` aborts a parse: "Document contains more
 * that N tokens" in graphql 16 (sic; "than" in later versions). test/limits.test.ts pins it.
 */
const TOKEN_LIMIT = /Document contains more tha[nt] (\d+) tokens/;

/**
 * Apollo relabels every validation-rule error GRAPHQL_VALIDATION_FAILED and every parse error
 * GRAPHQL_PARSE_FAILED; clients branch on the limit's own code, so it is put back here (before
 * formatting), and each rejection is counted.
 */
export const limitCodesPlugin = (onRejected: (code: string) => void): ApolloServerPlugin => ({
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          const extensions = error.extensions as Record<string, unknown>;
          const inner = (error.originalError as GraphQLError | undefined)?.extensions?.code;
          const tokens = TOKEN_LIMIT.exec(error.message);
          if (typeof inner === "string" && LIMIT_CODES.has(inner)) extensions.code = inner;
          else if (tokens && extensions.code === "GRAPHQL_PARSE_FAILED") {
            extensions.code = ErrorCodes.MAX_TOKENS_EXCEEDED;
            error.message = `Token limit of ${tokens[1]} exceeded.`;
          }
          const code = extensions.code;
          if (typeof code === "string" && LIMIT_CODES.has(code)) onRejected(code);
        }
      },
    };
  },
});
