import { isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { coverageLines } from "../scripts/endpoint-coverage.js";
import { buildAppSchema } from "../src/schema.js";

/**
 * docs/endpoint-coverage.md's "GraphQL field" column, read from the sections' endpoint tables:
 * every row names at least one schema coordinate (`Mutation.resetAuthenticator`,
 * `Account.passkeys`) or says why not, every coordinate named exists, and every root field is
 * named by some row.
 */
// Root fields that call no LoginRadius endpoint: federation's `_service` answers the schema itself.
const NO_ENDPOINT = ["Query._service"];

describe("the endpoint coverage table's GraphQL column", async () => {
  const schema = await buildAppSchema();
  const lines = await coverageLines();
  const exists = (coordinate: string) => {
    const [type, field] = coordinate.split(".");
    const found = schema.getType(type ?? "");
    return isObjectType(found) && field !== undefined && field in found.getFields();
  };

  it("names a field on every row, or says why not", () => {
    const unnamed = lines.filter((l) => l.graph.length === 0 && l.graphNote.trim() === "");
    expect(unnamed).toEqual([]);
  });

  it("names only coordinates the schema has, and every root field is named", () => {
    const named = lines.flatMap((l) => l.graph);
    expect(named.filter((c) => !exists(c))).toEqual([]);
    const roots = [schema.getQueryType(), schema.getMutationType()].flatMap((t) =>
      Object.keys(t?.getFields() ?? {}).map((f) => `${t?.name}.${f}`),
    );
    expect(roots.filter((r) => !named.includes(r) && !NO_ENDPOINT.includes(r))).toEqual([]);
  });
});
