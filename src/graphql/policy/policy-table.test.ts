import { Arg, Field, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { describe, expect, it } from "vitest";
import { endpointTable } from "../../loginradius/endpoints.js";
import { buildAppSchema } from "../../schema.js";
import { SECTIONS } from "../../sections.js";
import type { AnySection } from "../section.js";
import { Policy } from "./field-policy.js";

@ObjectType({ description: "A test note." })
class Note {
  @Field(() => String, { description: "Its text." })
  text = "";
}

@Resolver()
class Unguarded {
  @Query(() => String, { description: "Declares nothing." })
  bare(): string {
    return "";
  }

  @Query(() => String, { description: "A scope but no cost." })
  @Policy({ scope: "accounts:read" })
  scopedOnly(): string {
    return "";
  }

  @Query(() => String, { description: "A side effect nobody counts." })
  @Policy({ scope: "accounts:read", sideEffect: "sends an email" })
  uncounted(): string {
    return "";
  }

  @Mutation(() => Note, { description: "A cost but no scope." })
  @Policy({ cost: "each-run" })
  costedOnly(@Arg("text", () => String, { description: "The note." }) text: string): Note {
    return { text };
  }
}

@Resolver(() => Note)
class NoteFields {
  @Query(() => Note, { description: "Complete." })
  @Policy({ scope: "accounts:read", cost: "each-run" })
  note(): Note {
    return { text: "" };
  }
}

const section = (resolvers: AnySection["resolvers"]): AnySection => ({
  name: "bad",
  endpoints: endpointTable("Bad", {}),
  resolvers,
  createClient: () => ({}),
  createSlice: () => ({}),
  errorRows: {},
  fieldRenames: {},
  scopes: {},
});

describe("a field without a policy fails the schema build", () => {
  it("names each root field and what its policy lacks", async () => {
    await expect(buildAppSchema({ sections: [...SECTIONS, section([Unguarded])] })).rejects.toThrow(
      "Fields without a policy (@Policy on the field): Query.bare needs a cost and a scope; Query.scopedOnly needs a cost; Query.uncounted needs a cost; Mutation.costedOnly needs a scope; Query.uncounted has a side effect and needs a cost.",
    );
  });

  it("builds once every root field declares a scope and a cost", async () => {
    const schema = await buildAppSchema({ sections: [...SECTIONS, section([NoteFields])] });
    expect(schema.getQueryType()?.getFields().note?.extensions.policy).toEqual({
      scope: "accounts:read",
      cost: "each-run",
    });
  });
});
