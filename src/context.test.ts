import { describe, expect, it } from "vitest";
import { type Connect, connectSections, createContext } from "./context.js";
import type { AnySection } from "./graphql/section.js";
import type { BoundScope, LoginRadiusHttp, RequestScope } from "./loginradius/http.js";
import { SECTIONS } from "./sections.js";

/** A Connect whose clients are empty objects, recording which sections asked for one. */
const recording = () => {
  const asked: string[] = [];
  const connect: Connect = () => ({
    client: (name) => {
      asked.push(name);
      return {};
    },
    end: () => {},
  });
  return { asked, connect };
};

describe("the request context", () => {
  it("makes a section's client and slice on first use only, then keeps them", () => {
    const { asked, connect } = recording();
    const context = createContext(connect);
    expect(asked).toEqual([]);
    const accounts = context.accounts;
    expect(context.accounts).toBe(accounts);
    expect(asked).toEqual(["accounts"]);
    expect(context.roles).toBeDefined();
    expect(asked).toEqual(["accounts", "roles"]);
  });

  it("gives every request its own slices", () => {
    const { connect } = recording();
    expect(createContext(connect).accounts).not.toBe(createContext(connect).accounts);
  });

  it.each(SECTIONS.map((s) => [s.name, s] as const))(
    "places section %s's repository under its name",
    (name, section) => {
      const { connect } = recording();
      const context = createContext(connect, { sections: [section as AnySection] });
      expect((context as unknown as Record<string, unknown>)[name]).toBeDefined();
    },
  );

  it("refuses a section whose slice is not { [name]: repository }", () => {
    const odd = { ...(SECTIONS[0] as AnySection), createSlice: () => ({ other: {} }) };
    const context = createContext(recording().connect, { sections: [odd] });
    expect(() => (context as unknown as Record<string, unknown>)[odd.name]).toThrow(
      /slice must be/,
    );
  });
});

/** An adapter that binds scopes and records, per call, the endpoint and the scope it carried. */
const recordingHttp = () => {
  const bound: BoundScope[] = [];
  const calls: { path: string; scope: RequestScope | undefined }[] = [];
  const http = {
    scope: (scope: RequestScope) => {
      const made = { ...scope, signal: new AbortController().signal, deadlineAt: 0, end() {} };
      bound.push(made);
      return made;
    },
    call: async (endpoint: { path: string }, _input: unknown, scope?: RequestScope) => {
      calls.push({ path: endpoint.path, scope });
      return {};
    },
  } as unknown as LoginRadiusHttp;
  return { http, bound, calls };
};

describe("the request scope over the adapter", () => {
  it("is bound once per request, and every section's client calls with that one binding", async () => {
    const { http, bound, calls } = recordingHttp();
    const context = createContext(connectSections(http), { requestId: "req-1" });
    const accounts = context.accounts as unknown as {
      byUid(uid: string, keys: Set<string>): unknown;
    };
    await accounts.byUid("ada", new Set(["Uid"]));
    await (context.roles as unknown as { roles(): Promise<unknown> }).roles();
    expect(bound).toHaveLength(1);
    expect(bound[0]?.requestId).toBe("req-1");
    expect(calls.map((c) => c.path)).toEqual([
      "/identity/v2/manage/account/{uid}",
      "/identity/v2/manage/role",
    ]);
    expect(calls.every((c) => c.scope === bound[0])).toBe(true);
    createContext(connectSections(http));
    expect(bound).toHaveLength(2);
  });
});
