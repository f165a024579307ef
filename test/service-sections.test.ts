import { isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountsClientDouble } from "../src/accounts/accounts.client.double.js";
import { connectDoubles } from "../src/context.js";
import { costTableOf } from "../src/graphql/policy/index.js";
import { UpstreamError } from "../src/loginradius/upstream-error.js";
import { buildAppSchema } from "../src/schema.js";
import { SECTIONS, scopesOf } from "../src/sections.js";
import { toy } from "./fixtures/toy-section/index.js";
import { toyService } from "./fixtures/toy-service-section/index.js";
import type { ToyClient } from "./fixtures/toy-service-section/toy.client.js";
import { ADA, GRACE } from "./helpers/emulator.js";
import { startInProcess } from "./helpers/in-process.js";
import { type Stack, startStack } from "./helpers/stack.js";

// The one line a new section needs: the service takes the list exactly as it takes SECTIONS
// from src/sections.ts.
const WITH_TOY = [...SECTIONS, toyService] as const;

const entityScopesKnown = (table: unknown, scopes: Record<string, string>) =>
  typeof table === "object" &&
  table !== null &&
  Object.keys(table).length > 0 &&
  Object.values(table).every((scope) => String(scope) in scopes);

describe("a service section added as a folder plus one line: the schema", async () => {
  const schema = await buildAppSchema({ sections: WITH_TOY });
  const roots = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
    Object.values(type?.getFields() ?? {}).map((field) => ({ type: type?.name, field })),
  );

  it("serves the section's root fields beside every other section's", () => {
    const names = roots.map(({ type, field }) => `${type}.${field.name}`);
    expect(names).toContain("Query.toyNotes");
    expect(names).toContain("Mutation.addToyNote");
    expect(names).toContain("Query.accountByUid");
  });

  it("gives every root field, across sections, a declared scope and a cost row", () => {
    const scopes = scopesOf(WITH_TOY);
    const costs = costTableOf(schema);
    // Federation's two root fields are guarded differently (src/graphql/federation/): `_entities`
    // by each entity type's scope, `_service` like introspection; test/federation.test.ts.
    const unscoped = roots.filter(
      ({ field }) =>
        !(String(field.extensions.scope) in scopes) &&
        !(field.name === "_entities" && entityScopesKnown(field.extensions.scopes, scopes)) &&
        field.name !== "_service",
    );
    const uncosted = roots.filter(({ type, field }) => !(`${type}.${field.name}` in costs));
    expect(unscoped.map(({ field }) => field.name)).toEqual([]);
    expect(uncosted.map(({ field }) => field.name)).toEqual([]);
    const query = schema.getQueryType();
    expect(isObjectType(query) && query.getFields().toyNotes?.extensions.scope).toBe("toy:read");
  });
});

describe("a service section added as a folder plus one line: in process", () => {
  const notes: string[] = [];
  const toyDouble: ToyClient = {
    notes: async () => ({ Notes: [...notes] }),
    addNote: async (uid, text) => {
      if (text === "too much")
        throw new UpstreamError("rejected", "POST /toy", 400, 4242, "full", ["NoteText"]);
      notes.push(`${uid}:${text}`);
      return { Notes: [...notes] };
    },
  };
  const app = startInProcess({
    sections: WITH_TOY,
    connect: connectDoubles({ accounts: accountsClientDouble(), toy: toyDouble }),
  });

  it("has its context slice beside the others", async () => {
    const context = (await app).server.context() as unknown as Record<string, unknown>;
    expect(context.toy).toBe(toyDouble);
    expect(context.accounts).toBeDefined();
  });

  it("serves its fields through its slice", async () => {
    const { run } = await app;
    expect((await run('mutation { addToyNote(uid: "u1", text: "hi") }')).data).toEqual({
      addToyNote: ["u1:hi"],
    });
    expect((await run('{ toyNotes(uid: "u1") }')).data).toEqual({ toyNotes: ["u1:hi"] });
  });

  it("maps its own LoginRadius codes and field names by its rows", async () => {
    const res = await (await app).run('mutation { addToyNote(uid: "u1", text: "too much") }');
    expect(res.errors?.[0]?.message).toBe("The toy is full.");
    expect(res.errors?.[0]?.extensions).toEqual({
      code: "FAILED_PRECONDITION",
      field: "text",
      problems: [{ field: "text", message: "LoginRadius rejected this value." }],
      loginradius: { errorCode: 4242 },
    });
  });
});

describe("a service section added as a folder plus one line: end to end", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ sections: WITH_TOY, emulator: { extraSections: [toy] } });
  });
  afterAll(() => stack.close());

  it("calls its endpoints through the adapter, audited, with errors from the merged table", async () => {
    const added = await stack.gql(`mutation { addToyNote(uid: "${ADA}", text: "hello") }`);
    expect(added.data).toEqual({ addToyNote: ["hello"] });
    const read = await stack.gql(`{ toyNotes(uid: "${GRACE}") }`);
    expect(read.data).toEqual({ toyNotes: ["seeded"] });
    const missing = await stack.gql('mutation { addToyNote(uid: "nobody", text: "x") }');
    expect(missing.errors?.[0]?.extensions).toEqual({
      code: "NOT_FOUND",
      loginradius: { errorCode: 938 },
    });
    expect(stack.audit.map((entry) => [entry.field, entry.outcome])).toEqual([
      ["Mutation.addToyNote", "ok"],
      ["Query.toyNotes", "ok"],
      ["Mutation.addToyNote", "error"],
    ]);
  });
});
