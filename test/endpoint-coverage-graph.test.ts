import { readFileSync } from "node:fs";
import { isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { CUSTOM_OBJECT_ENDPOINTS } from "../src/custom-objects/custom-objects.client.js";
import { ROLE_ENDPOINTS } from "../src/roles/roles.client.js";
import { buildAppSchema } from "../src/schema.js";

/**
 * The "GraphQL field" column of docs/endpoint-coverage.md: every field it names exists, and
 * every endpoint in the client table of a section the service covers has a row naming a field.
 */
const rows = readFileSync("docs/endpoint-coverage.md", "utf8")
  .split("\n")
  .filter((line) => /^\|\s*\d+\s*\|/.test(line))
  .map((line) => {
    const cells = line.split("|").map((c) => c.trim());
    const code = (cell: string | undefined) => /^`([^`]+)`/.exec(cell ?? "")?.[1] ?? null;
    return { route: `${cells[3]} ${code(cells[4])}`, field: code(cells[9]) };
  });

/** `{contextName}` and `{context}` are one parameter. */
const shape = (route: string) => route.toLowerCase().replace(/\{[^}]+\}/g, "{}");

describe("docs/endpoint-coverage.md, GraphQL field column", async () => {
  const schema = await buildAppSchema();

  it("names only fields the schema has", () => {
    const missing = rows
      .map((r) => r.field)
      .filter((f): f is string => f !== null)
      .filter((f) => {
        const [type, field] = f.includes(".") ? f.split(".") : ["Query", f];
        const exists = (name: string) => {
          const t = schema.getType(name);
          return isObjectType(t) && field !== undefined && field in t.getFields();
        };
        return !(exists(type ?? "") || (!f.includes(".") && exists("Mutation")));
      });
    expect(rows.filter((r) => r.field).length).toBeGreaterThanOrEqual(19);
    expect(missing).toEqual([]);
  });

  it("names a field for every Roles and Custom Objects endpoint the service calls", () => {
    const endpoints = [...Object.values(ROLE_ENDPOINTS), ...Object.values(CUSTOM_OBJECT_ENDPOINTS)];
    const unnamed = endpoints
      .map((e) => `${e.method} ${e.path}`)
      .filter((route) => !rows.some((r) => r.field && shape(r.route) === shape(route)));
    expect(endpoints).toHaveLength(18);
    expect(unnamed).toEqual([]);
  });
});
