import type { ClientOf, EndpointTable } from "./endpoints.js";
import { methodsOf } from "./endpoints.js";

/**
 * A test double of a table's client: the methods a test gives, and for every other one a method
 * that fails loudly (`<label>: <method> was called but not given`), so a test states exactly which
 * endpoints it expects and needs no cast.
 */
export const clientDouble = <T extends EndpointTable>(
  table: T,
  label: string,
  given: Partial<ClientOf<T>> = {},
): ClientOf<T> => {
  const double: Record<string, unknown> = {};
  for (const name of methodsOf(table))
    double[name] =
      (given as Record<string, unknown>)[name] ??
      (() => Promise.reject(new Error(`${label}: ${name} was called but not given`)));
  return double as ClientOf<T>;
};
