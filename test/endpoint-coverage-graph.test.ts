import { readFileSync } from "node:fs";
import { isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { buildAppSchema } from "../src/schema.js";

/**
 * docs/endpoint-coverage.md's "GraphQL field" column, for the sections the service serves: every
 * row names at least one schema coordinate (`Mutation.resetAuthenticator`, `Account.passkeys`)
 * or says why not, and every coordinate named exists.
 */
const SERVED = ["Accounts", "Roles", "Custom Objects", "Account Security", "Multipurpose Tokens"];
// Root fields that call no LoginRadius endpoint: federation's `_service` answers the schema itself.
const NO_ENDPOINT = ["Query._service"];
// Deliberately not in the graph, with the reason in the row.
const NOT_EXPOSED = ["PUT /identity/v2/manage/account/{uid} {securityquestionanswer}"];

const rows = readFileSync(new URL("../docs/endpoint-coverage.md", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => /^\| \d+\s+\|/.test(line))
  .map((line) => line.split("|").map((cell) => cell.trim()))
  .map((cells) => ({
    section: cells[2] ?? "",
    endpoint: `${cells[3]} ${cells[4]} ${cells[5]}`.replaceAll("`", "").trim(),
    graph: cells[cells.length - 2] ?? "",
  }));

describe("the endpoint coverage table's GraphQL column", async () => {
  const schema = await buildAppSchema();
  const exists = (coordinate: string) => {
    const [type, field] = coordinate.split(".");
    const found = schema.getType(type ?? "");
    return isObjectType(found) && field !== undefined && field in found.getFields();
  };

  it("has a row for every served section's endpoint, each naming a field", () => {
    const served = rows.filter((r) => SERVED.includes(r.section));
    expect(served.length).toBe(64);
    const unnamed = served.filter(
      (r) => !/`\w+\.\w+`/.test(r.graph) && !NOT_EXPOSED.includes(r.endpoint),
    );
    expect(unnamed).toEqual([]);
  });

  it("names only coordinates the schema has, and every root field is named", () => {
    const named = rows.flatMap((r) =>
      [...r.graph.matchAll(/`(\w+\.\w+)`/g)].map((m) => m[1] ?? ""),
    );
    expect(named.filter((c) => !exists(c))).toEqual([]);
    const roots = [schema.getQueryType(), schema.getMutationType()].flatMap((t) =>
      Object.keys(t?.getFields() ?? {}).map((f) => `${t?.name}.${f}`),
    );
    expect(roots.filter((r) => !named.includes(r) && !NO_ENDPOINT.includes(r))).toEqual([]);
  });
});
