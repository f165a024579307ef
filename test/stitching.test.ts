import { readFileSync } from "node:fs";
import { stitchSchemas } from "@graphql-tools/stitch";
import { buildSchema, execute, type GraphQLSchema, parse } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  accountGraphSubschema,
  type Executor,
} from "../examples/stitching/account-graph.subschema.js";
import {
  CUSTOMERS,
  ORDERS,
  ORDERS_PLAIN_SDL,
  ORPHAN,
  ordersQuery,
} from "./fixtures/orders/orders.js";
import { type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

const READER = "tok-stitch-reader";
const AUTH_TOKENS = authTokensEnv({ [READER]: { name: "reader", scopes: ["accounts:read"] } });
const SDL = readFileSync(new URL("../schema.graphql", import.meta.url), "utf8");

const ORDERS_SCHEMA = buildSchema(ORDERS_PLAIN_SDL);
const ORDERS_ROOT = {
  orders: () => ordersQuery.orders(),
  order: ({ id }: { id: string }) => ordersQuery.order(id),
};

/** The orders service, in process: graphql-js with root resolvers. */
const ORDERS_SUBSCHEMA = {
  schema: ORDERS_SCHEMA,
  executor: (({ document, variables }) =>
    execute({
      schema: ORDERS_SCHEMA,
      document,
      variableValues: variables,
      rootValue: ORDERS_ROOT,
    })) as Executor,
};

interface GatewayContext {
  authorization: string;
}

let stack: Stack;
let gateway: GraphQLSchema;
beforeAll(async () => {
  stack = await startStack({ env: { AUTH_TOKENS } });
  gateway = stitchSchemas({
    subschemas: [
      ORDERS_SUBSCHEMA,
      // docs/company-graph.md's config, as a gateway uses it.
      accountGraphSubschema({
        url: `${stack.url}/graphql`,
        sdl: SDL,
        headers: (context) => ({ authorization: (context as GatewayContext).authorization }),
      }),
    ],
  });
});
afterAll(() => stack?.close());
beforeEach(() => stack.reset());

const run = async (query: string) =>
  execute({
    schema: gateway,
    document: parse(query),
    contextValue: { authorization: `Bearer ${READER}` } satisfies GatewayContext,
  });

describe("Account Graph stitched with @graphql-tools/stitch (merged type Account, key uid)", () => {
  it("resolves 50 orders' customers over 20 distinct UIDs with exactly 20 upstream calls", async () => {
    const result = await run("{ orders { id customer { uid firstName primaryEmail roles } } }");
    expect(result.errors).toBeUndefined();
    const got = (result.data as { orders: { customer: { uid: string; firstName: string } }[] })
      .orders;
    expect(got.map((o) => o.customer.uid)).toEqual(ORDERS.map((o) => o.customerUid));
    expect(got[0]?.customer.firstName).toBe("Ada");
    const calls = await stack.calls();
    expect(calls).toHaveLength(20);
    expect(new Set(calls.map((c) => c.path.split("/").pop()))).toEqual(new Set(CUSTOMERS));
  });

  it("gives an unknown UID no error and no account data (the orders service owns the object)", async () => {
    const result = await run(
      `{ order(id: "${ORPHAN.id}") { id customer { uid firstName emails { value } roles } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      order: {
        id: ORPHAN.id,
        customer: { uid: ORPHAN.customerUid, firstName: null, emails: null, roles: null },
      },
    });
    expect(await stack.calls()).toHaveLength(1);
  });
});
