import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bindHttp } from "./bound-http.js";
import { clientOver } from "./endpoint-client.js";
import { clientDouble } from "./endpoint-double.js";
import { callsOf, endpointsUnder, endpointTable, methodsOf, variants } from "./endpoints.js";
import type { CallInput, Endpoint, LoginRadiusHttp, RequestScope } from "./http.js";

/**
 * A section's endpoint table is the only definition of its calls: the client sends each row's
 * endpoint with the input its arguments make, a variant row sends the call its argument picks,
 * documented rows are not methods, and the double fails loudly on a method it was not given.
 */
const Answer = z.object({ Ok: z.boolean() });
const { call, documented } = endpointsUnder("/identity/v2/manage/thing");
const TABLE = endpointTable("Things", {
  read: call("GET", "/{id}", {
    retry: true,
    answer: Answer,
    input: (id: string, fields?: string) => ({ params: { id }, query: { fields } }),
    covers: { sdk: "thingApi.read", reference: "thing/read", graph: ["Query.thing"] },
  }),
  make: call("POST", "", {
    retry: false,
    answer: Answer,
    checkFirst: "look for the thing first",
    covers: { sdk: "thingApi.make", reference: "thing/make", graph: ["Mutation.makeThing"] },
  }),
  reset: variants((_id: string, kind: "A" | "B") => kind, {
    A: call("DELETE", "/{id}/a", {
      retry: false,
      answer: Answer,
      input: (id: string) => ({ params: { id } }),
      covers: { sdk: "x.a", reference: "r/a", graph: [] },
    }),
    B: call("DELETE", "/b", {
      retry: false,
      answer: Answer,
      input: (id: string) => ({ query: { id } }),
      covers: { sdk: "x.b", reference: "r/b", graph: [] },
    }),
  }),
  listed: documented("GET", "/all", { sdk: "thingApi.all", reference: "thing/all", graph: [] }),
});

const recording = () => {
  const sent: { endpoint: Endpoint; input: CallInput; scope?: RequestScope }[] = [];
  const http = {
    call: async (endpoint: Endpoint, input: CallInput, scope?: RequestScope) => {
      sent.push({ endpoint, input, ...(scope ? { scope } : {}) });
      return { Ok: true };
    },
  } as unknown as LoginRadiusHttp;
  return { http, sent };
};

describe("an endpoint table", () => {
  it("makes a client that sends each row's endpoint with its arguments, in the request's scope", async () => {
    const { http, sent } = recording();
    const scope = { requestId: "r1" };
    const client = clientOver(TABLE, bindHttp(http, scope));
    expect(await client.read("t1", "Uid")).toEqual({ Ok: true });
    await client.make();
    expect(sent).toEqual([
      {
        endpoint: {
          method: "GET",
          path: "/identity/v2/manage/thing/{id}",
          retry: true,
          schema: Answer,
        },
        input: { params: { id: "t1" }, query: { fields: "Uid" } },
        scope,
      },
      {
        endpoint: {
          method: "POST",
          path: "/identity/v2/manage/thing",
          retry: false,
          schema: Answer,
          checkFirst: "look for the thing first",
        },
        input: {},
        scope,
      },
    ]);
  });

  it("sends the call a variant row's argument picks", async () => {
    const { http, sent } = recording();
    const client = clientOver(TABLE, bindHttp(http, {}));
    await client.reset("t1", "B");
    await client.reset("t1", "A");
    expect(sent.map((s) => [s.endpoint.method, s.endpoint.path, s.input])).toEqual([
      ["DELETE", "/identity/v2/manage/thing/b", { query: { id: "t1" } }],
      ["DELETE", "/identity/v2/manage/thing/{id}/a", { params: { id: "t1" } }],
    ]);
  });

  it("gives documented rows no method, and lists every call a variant row can send", () => {
    expect(methodsOf(TABLE)).toEqual(["read", "make", "reset"]);
    expect(Object.keys(clientOver(TABLE, bindHttp(recording().http, {})))).toEqual([
      "read",
      "make",
      "reset",
    ]);
    expect(callsOf(TABLE).map(([name]) => name)).toEqual(["read", "make", "reset.A", "reset.B"]);
  });

  it("makes a double with the given methods that fails loudly on any other", async () => {
    const double = clientDouble(TABLE, "thingsDouble", { read: async () => ({ Ok: false }) });
    expect(await double.read("t1")).toEqual({ Ok: false });
    await expect(double.make()).rejects.toThrow("thingsDouble: make was called but not given");
    expect(Object.keys(double)).toEqual(["read", "make", "reset"]);
  });
});
