import type { ApolloServerPlugin } from "@apollo/server";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationRule,
} from "graphql";
import { ErrorCodes } from "../../errors.js";

/** Directives on a node, on everything under it, and on each fragment every time it is spread. */
const directivesCounter = (document: DocumentNode) => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  // A fragment's count is the same wherever it is spread: computed once. "counting" guards a
  // cycle (NoFragmentCyclesRule reports it).
  const perFragment = new Map<string, number | "counting">();
  const inSelections = (set: SelectionSetNode | undefined): number => {
    let count = 0;
    for (const selection of set?.selections ?? []) {
      count += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FRAGMENT_SPREAD) count += inFragment(selection.name.value);
      else count += inSelections(selection.selectionSet);
    }
    return count;
  };
  const inFragment = (name: string): number => {
    const known = perFragment.get(name);
    if (known !== undefined) return known === "counting" ? 0 : known;
    const fragment = fragments.get(name);
    if (!fragment) return 0;
    perFragment.set(name, "counting");
    const count = (fragment.directives?.length ?? 0) + inSelections(fragment.selectionSet);
    perFragment.set(name, count);
    return count;
  };
  return { inSelections, inFragment };
};

/**
 * Directives per operation, every one counted: on the operation, its variables, fields, inline
 * fragments, fragment spreads and the fragments' definitions, once per spread. graphql-armor's
 * count dropped the directives of a fragment's second and later spreads, so 200 spreads with
 * `@include` passed a limit of 10.
 */
export const maxDirectivesRule =
  (max: number): ValidationRule =>
  (context) => ({
    OperationDefinition(operation) {
      const counter = directivesCounter(context.getDocument());
      const variables = (operation.variableDefinitions ?? []).reduce(
        (sum, v) => sum + (v.directives?.length ?? 0),
        0,
      );
      const found =
        (operation.directives?.length ?? 0) +
        variables +
        counter.inSelections(operation.selectionSet);
      if (found > max)
        context.reportError(
          new GraphQLError(`Directives limit of ${max} exceeded, found ${found}.`, {
            nodes: operation,
            extensions: { code: ErrorCodes.MAX_DIRECTIVES_EXCEEDED },
          }),
        );
    },
  });

/**
 * This service serves queries and mutations over HTTP; it has no subscription transport. A
 * subscription is refused at validation (HTTP 400) with a message that says so, instead of
 * failing at execution as an internal error.
 */
export const noSubscriptionsRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (operation.operation === "subscription")
      context.reportError(
        new GraphQLError(
          "Subscriptions are not served: this service answers queries and mutations over HTTP only.",
          { nodes: operation },
        ),
      );
  },
});

/** graphql-js appends its suggestions at the end of a message: 'Did you mean "x"?', '... the enum value "Y"?'. */
const SUGGESTION = /\s*Did you mean [\s\S]*$/;

/**
 * With introspection off, "Did you mean ...?" is removed from every error, leaving the message
 * exactly what it is when no name is near. graphql-armor replaced it with "[Suggestion hidden]",
 * which still told a prober that a near name exists (and missed enum-value suggestions).
 */
export const hideSuggestionsPlugin = (): ApolloServerPlugin => ({
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = error.message.replace(SUGGESTION, "");
      },
    };
  },
});
