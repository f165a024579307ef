import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * The README stays a start, not a reference. Its statements about runtimes are read from the files that decide them, so a Node
 * version changed in package.json, .ci/run or the Dockerfile fails here until the README says it.
 */
const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
const readme = read("README.md");

describe("the README", () => {
  it("stays short enough to finish: at most 250 lines (issue 17), the reference lives in docs/", () => {
    expect(readme.split("\n").length).toBeLessThanOrEqual(250);
  });
});

describe("the README's runtime facts", () => {
  it("names the Node version package.json's engines require", () => {
    const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines;
    const minimum = /^>=(\d+\.\d+)$/.exec(engines.node)?.[1];
    expect(minimum).toBeDefined();
    expect(readme).toContain(`Node ${minimum} or later`);
  });

  it("names the runtimes CI runs the suite on, and the image's", () => {
    const ci = /for major in ([\d ]+); do/.exec(read(".ci/run"))?.[1]?.trim().split(" ") ?? [];
    expect(ci.length).toBeGreaterThan(1);
    const listed = `${ci.slice(0, -1).join(", ")} and ${ci.at(-1)}`;
    expect(readme).toContain(`CI runs Node ${listed}`);
    const images = [...read("Dockerfile").matchAll(/^FROM node:(\d+)[-\s]/gm)].map((m) => m[1]);
    expect(new Set(images).size).toBe(1);
    expect(readme).toContain(`the image runs Node ${images[0]}`);
  });
});
