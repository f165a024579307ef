import { printSubgraphSchema } from "@apollo/subgraph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  coverageLines,
  emulatorFiles,
  folderOf,
  renderTable,
} from "../scripts/endpoint-coverage.js";
import { EMULATED } from "../src/emulator/sections.js";
import { costTableOf, missingPolicies } from "../src/graphql/policy/index.js";
import { renderFieldPolicy } from "../src/graphql/policy/policy-doc.js";
import { buildAppSchema } from "../src/schema.js";
import { SECTIONS, scopesOf } from "../src/sections.js";
import { toy } from "./fixtures/toy-section/index.js";
import { toyService } from "./fixtures/toy-service-section/index.js";
import { ADA } from "./helpers/emulator.js";
import {
  auditedOf,
  rootFieldsOf,
  scopeCasesOf,
  sideEffectsOf,
  tableRowsOf,
} from "./helpers/policy-lists.js";
import { type Stack, startStack } from "./helpers/stack.js";

/**
 * Issue 17 item 4: a section is its folders plus the registry lines. The toy section (service:
 * test/fixtures/toy-service-section/, emulator: test/fixtures/toy-section/) is added to the two
 * lists exactly as src/sections.ts and src/emulator/sections.ts take it, and everything that
 * used to be kept by hand picks it up from its `@Policy` declarations, with no other edit: the
 * schema, docs/field-policy.md as `npm run docs:policy` renders it, docs/endpoint-coverage.md's
 * table as `npm run docs:coverage` renders it, the cost table, the audit trail, and the tests'
 * lists of root fields, scope cases and side effects.
 */
const WITH_TOY = [...SECTIONS, toyService] as const;
const TOY_EMULATOR = "test/fixtures/toy-section";

describe("a section added as its folders plus the registry lines", async () => {
  const schema = await buildAppSchema({ sections: WITH_TOY });
  const without = await buildAppSchema();

  it("is in the schema, with a complete policy on each root field", () => {
    const sdl = printSubgraphSchema(schema);
    expect(sdl).toContain("toyNotes(");
    expect(sdl).toContain("addToyNote(");
    expect(printSubgraphSchema(without)).not.toContain("toyNotes(");
    expect(missingPolicies(schema)).toEqual([]);
  });

  it("is in the policy page: its fields, its scopes, its side effect", () => {
    const doc = renderFieldPolicy(schema, scopesOf(WITH_TOY));
    const rows = tableRowsOf(doc);
    expect(rows).toEqual(
      expect.arrayContaining([
        ["`Query.toyNotes`", "`toy:read`", "1 call each time it runs", "", "secret read"],
        [
          "`Mutation.addToyNote`",
          "`toy:write`",
          "1 call each time it runs",
          "adds a toy note",
          "act",
        ],
        ["`toy:read`", "Read toy notes.", "`Query.toyNotes`"],
        ["`Mutation.addToyNote`", "adds a toy note"],
      ]),
    );
    expect(renderFieldPolicy(without, scopesOf())).not.toContain("toy");
  });

  it("is in the endpoint coverage table, with the emulator file that serves each call", async () => {
    const folders = [...EMULATED.map((e) => `src/emulator/${folderOf(e.name)}`), TOY_EMULATOR];
    const lines = await coverageLines(WITH_TOY, await emulatorFiles(folders));
    const toyLines = lines.filter((l) => l.section === "Toy");
    expect(toyLines.map((l) => [l.method, l.graph, l.file])).toEqual([
      ["GET", ["Query.toyNotes"], `${TOY_EMULATOR}/toy.routes.ts`],
      ["POST", ["Mutation.addToyNote"], `${TOY_EMULATOR}/toy.routes.ts`],
    ]);
    // What the table says the graph serves is what the schema has.
    const roots = rootFieldsOf(schema);
    expect(toyLines.flatMap((l) => l.graph).filter((g) => !roots.includes(g))).toEqual([]);
    expect(renderTable(lines)).toContain("/identity/v2/manage/toy/{uid}/note");
    expect(renderTable(await coverageLines(SECTIONS))).not.toContain("/toy/");
  });

  it("is in the lists the tests derive: root fields, scope cases, side effects, audit", () => {
    expect(rootFieldsOf(schema)).toEqual(
      expect.arrayContaining(["Query.toyNotes", "Mutation.addToyNote"]),
    );
    expect(scopeCasesOf(schema)).toEqual(
      expect.arrayContaining([
        { coordinate: "Query.toyNotes", field: "toyNotes", scope: "toy:read" },
        { coordinate: "Mutation.addToyNote", field: "addToyNote", scope: "toy:write" },
      ]),
    );
    expect(sideEffectsOf(schema)).toMatchObject({ "Mutation.addToyNote": "adds a toy note" });
    expect(auditedOf(schema)).toEqual(
      expect.arrayContaining(["Query.toyNotes", "Mutation.addToyNote"]),
    );
    expect(costTableOf(schema)).toMatchObject({
      "Query.toyNotes": {},
      "Mutation.addToyNote": { sideEffect: "adds a toy note" },
    });
    for (const list of [rootFieldsOf(without), Object.keys(sideEffectsOf(without))])
      expect(list.filter((c) => c.toLowerCase().includes("toy"))).toEqual([]);
  });
});

describe("a section added on both sides: served end to end as its policy says", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ sections: WITH_TOY, emulator: { extraSections: [toy] } });
  });
  afterAll(() => stack.close());

  it("reaches the emulator's toy routes, audited as its policy declares", async () => {
    const added = await stack.gql(`mutation { addToyNote(uid: "${ADA}", text: "derived") }`);
    expect(added.data).toEqual({ addToyNote: ["derived"] });
    expect((await stack.calls()).map((c) => c.route)).toEqual([
      "POST /identity/v2/manage/toy/{uid}/note",
    ]);
    const read = await stack.gql(`{ a: toyNotes(uid: "${ADA}") b: toyNotes(uid: "${ADA}") }`);
    expect(read.data).toEqual({ a: ["derived"], b: ["derived"] });
    // Its policy: one call each time it runs (no loader), a secret read audited per alias.
    expect((await stack.calls()).map((c) => c.method)).toEqual(["POST", "GET", "GET"]);
    const intents = stack.auditLines.filter((entry) => entry.phase === "intent");
    expect(intents.map((entry) => [entry.field, entry.alias])).toEqual([
      ["Mutation.addToyNote", undefined],
      ["Query.toyNotes", "a"],
      ["Query.toyNotes", "b"],
    ]);
  });
});
