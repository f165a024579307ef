import { describe, expect, it } from "vitest";
import { type Connect, createContext } from "./context.js";
import type { AnySection } from "./graphql/section.js";
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
