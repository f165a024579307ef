import { describe, expect, it } from "vitest";
import { readConfig } from "../config.js";
import { DEFAULT_SEARCH_URL } from "./search.config.js";

const KEY = "0b1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
const SECRET = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
const real = { LOGINRADIUS_API_KEY: KEY, LOGINRADIUS_API_SECRET: SECRET, AUTH_DISABLED: "true" };

describe("the search variables", () => {
  it("default the search URL to the Cloud Directory only beside LoginRadius's own API URL", () => {
    expect(readConfig(real).search).toEqual({
      url: DEFAULT_SEARCH_URL,
      maxRps: 10,
      batchMin: 5,
      indexLagMs: 5000,
    });
    expect(readConfig({}).search.url).toBeNull();
    expect(
      readConfig({ ...real, LOGINRADIUS_API_URL: "http://127.0.0.1:4010" }).search.url,
    ).toBeNull();
    expect(
      readConfig({ ...real, LOGINRADIUS_SEARCH_URL: "https://search.example" }).search.url,
    ).toBe("https://search.example");
  });

  it("refuses a search URL that is not a clean https URL, and values out of bounds, naming them", () => {
    expect(() =>
      readConfig({
        ...real,
        LOGINRADIUS_SEARCH_URL: "http://search.example/?apisecret=x",
        UPSTREAM_MAX_SEARCH_RPS: "0",
        BATCH_VIA_SEARCH_MIN: "-1",
      }),
    ).toThrow(
      /LOGINRADIUS_SEARCH_URL[\s\S]*UPSTREAM_MAX_SEARCH_RPS|UPSTREAM_MAX_SEARCH_RPS[\s\S]*LOGINRADIUS_SEARCH_URL/,
    );
    try {
      readConfig({ ...real, LOGINRADIUS_SEARCH_URL: "http://search.example/?apisecret=x" });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain("apisecret=x");
    }
  });
});
