import { readFileSync } from "node:fs";
import { composeServices } from "@apollo/composition";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CUSTOMERS,
  ORDERS,
  ORDERS_SUBGRAPH_SDL,
  ORPHAN,
  ordersQuery,
} from "./fixtures/orders/orders.js";
import { type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

const READER = "tok-gateway-reader";
const WRITER = "tok-gateway-writer";
const AUTH_TOKENS = authTokensEnv({
  [READER]: { name: "reader", scopes: ["accounts:read"] },
  [WRITER]: { name: "writer", scopes: ["accounts:write"] },
});

interface GatewayContext {
  authorization?: string;
}

let stack: Stack;
let orders: { url: string; stop(): Promise<void> };
let gateway: ApolloServer<GatewayContext>;

/** The supergraph `rover supergraph compose` would build: the committed SDL plus orders. */
const compose = (accountsUrl: string, ordersUrl: string) =>
  composeServices([
    {
      name: "accounts",
      url: `${accountsUrl}/graphql`,
      typeDefs: parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")),
    },
    { name: "orders", url: ordersUrl, typeDefs: parse(ORDERS_SUBGRAPH_SDL) },
  ]);

beforeAll(async () => {
  stack = await startStack({ env: { AUTH_TOKENS } });
  const ordersServer = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(ORDERS_SUBGRAPH_SDL),
      resolvers: {
        Query: {
          orders: () => ordersQuery.orders(),
          order: (_: unknown, { id }: { id: string }) => ordersQuery.order(id),
        },
      },
    }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(ordersServer, {
    listen: { port: 0, host: "127.0.0.1" },
  });
  orders = { url, stop: () => ordersServer.stop() };
  const { supergraphSdl, errors } = compose(stack.url, url);
  if (!supergraphSdl) throw new Error(errors?.map((e) => e.message).join("\n"));
  gateway = new ApolloServer<GatewayContext>({
    gateway: new ApolloGateway({
      supergraphSdl,
      // docs/company-graph.md's example: the gateway forwards the caller's bearer token to Account Graph.
      buildService: ({ url: subgraphUrl }) =>
        new RemoteGraphQLDataSource<GatewayContext>({
          url: subgraphUrl,
          willSendRequest({ request, context }) {
            if (context.authorization)
              request.http?.headers.set("authorization", context.authorization);
          },
        }),
    }),
  });
  await gateway.start();
});
afterAll(async () => {
  await gateway?.stop();
  await orders?.stop();
  await stack?.close();
});
beforeEach(() => stack.reset());

const run = async (query: string, authorization = `Bearer ${READER}`) => {
  const res = await gateway.executeOperation({ query }, { contextValue: { authorization } });
  if (res.body.kind !== "single") throw new Error("expected a single result");
  return res.body.singleResult;
};

describe("Account Graph in an Apollo Federation 2 supergraph (@apollo/gateway in process)", () => {
  it("composes with a second subgraph from the committed schema.graphql and from _service", async () => {
    expect(compose(stack.url, orders.url).errors).toBeUndefined();
    const sdl = (await stack.gql("{ _service { sdl } }", {}, { token: READER })).data._service.sdl;
    const fromService = composeServices([
      { name: "accounts", url: "http://accounts", typeDefs: parse(sdl) },
      { name: "orders", url: "http://orders", typeDefs: parse(ORDERS_SUBGRAPH_SDL) },
    ]);
    expect(fromService.errors).toBeUndefined();
  });

  it("resolves 50 orders' customers over 20 distinct UIDs with exactly 20 upstream calls", async () => {
    const result = await run("{ orders { id customer { uid firstName primaryEmail roles } } }");
    expect(result.errors).toBeUndefined();
    const got = (
      result.data as {
        orders: { id: string; customer: { uid: string; firstName: string | null } }[];
      }
    ).orders;
    expect(got).toHaveLength(50);
    expect(got.map((o) => o.customer.uid)).toEqual(ORDERS.map((o) => o.customerUid));
    expect(got[0]?.customer.firstName).toBe("Ada");
    const calls = await stack.calls();
    expect(calls).toHaveLength(20);
    expect(new Set(calls.map((c) => c.path.split("/").pop()))).toEqual(new Set(CUSTOMERS));
  });

  // Account's fields other than `uid` are nullable (a caller without accounts:read is refused
  // each of them on its own path), so the gateway keeps the orders service's `{ uid }` and
  // nulls the rest, as the stitching config does (test/stitching.test.ts).
  it("gives an unknown UID customer: its uid, every Account Graph field null, no error", async () => {
    const result = await run(
      `{ order(id: "${ORPHAN.id}") { id total customer { uid firstName roles } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      order: {
        id: ORPHAN.id,
        total: 1,
        customer: { uid: ORPHAN.customerUid, firstName: null, roles: null },
      },
    });
    expect(await stack.calls()).toHaveLength(1);
  });

  it("forwards the caller's token: without accounts:read, FORBIDDEN and no upstream call", async () => {
    const result = await run("{ orders { id customer { uid firstName } } }", `Bearer ${WRITER}`);
    expect(result.errors?.map((e) => e.extensions?.code)).toContain("FORBIDDEN");
    expect(await stack.calls()).toEqual([]);
  });
});
