import { describe, expect, it } from "vitest";
import { ACCOUNT, ADA, emulatorPerFile, GRACE } from "./helpers/emulator.js";

/** The emulator's Cloud Directory (`/identity`): query tree, operators, text, dates, cursors, codes, lag. */
let clock = Date.parse("2026-01-10T12:00:00Z");
const lr = emulatorPerFile({ now: () => new Date(clock), searchLagMs: 1000, searchPerSecond: 0 });

const ALL = { from: "1970-01-01", to: "2099-12-31" };
const search = (q: unknown, extra: Record<string, unknown> = {}) =>
  lr.call("POST", "/identity", { body: { ...ALL, q, size: 1000, ...extra } });
const rule = (name: string, operator: string, value?: unknown) => ({
  group: {
    operator: "AND",
    rules: [{ name, operator, ...(value === undefined ? {} : { value }) }],
  },
});
const uidsOf = (res: { body: { data: { Uid: string }[] } }) => res.body.data.map((p) => p.Uid);

describe("rules by field type", () => {
  it.each([
    [rule("FirstName", "Contains", "ADA"), true],
    [rule("FirstName", "Contains", "am@ada"), true], // terms: am, ada (any one matches)
    [rule("FirstName", "=", "ada"), false], // strings are case-sensitive
    [rule("Email.Value", "=", "ada@example.com"), true],
    [rule("Email.Value", "Not_Contains", "ada"), false],
    [rule("Email.Value", "Contains", "example"), false], // `example.com` is one term
    [rule("Email.Value", "Contains", "EXAMPLE.COM"), true],
    [rule("Roles", "=", "admin"), true], // an array matches on any element
    [rule("EmailVerified", "=", true), true],
    [rule("EmailVerified", "!=", true), false],
    [rule("CreatedDate", "BETWEEN", ["1970-01-01", "2099-01-01"]), true],
    [rule("CreatedDate", "<", "1990-01-01"), false],
    [rule("BirthDate", "=", "12-10-1985"), true], // BirthDate takes MM-DD-YYYY too
    [rule("CustomFields.plan", "=", "enterprise"), true],
    [rule("PhoneId", "EXISTS"), true],
    [rule("MiddleName", "NOT_EXISTS"), true],
    [
      {
        group: {
          operator: "OR",
          rules: [
            { name: "UID", operator: "=", value: ADA },
            { name: "UID", operator: "=", value: GRACE },
          ],
        },
      },
      true,
    ],
  ])("%j finds Ada: %s", async (q, found) => {
    const res = await search(q);
    expect(res.status).toBe(200);
    expect(uidsOf(res).includes(ADA)).toBe(found);
  });

  it("nests groups and answers {} with everyone in UID order", async () => {
    const nested = await search({
      group: {
        operator: "AND",
        rules: [
          { name: "Gender", operator: "=", value: "F" },
          {
            group: {
              operator: "OR",
              rules: [
                { name: "FirstName", operator: "=", value: "Ada" },
                { name: "FirstName", operator: "=", value: "Grace" },
              ],
            },
          },
        ],
      },
    });
    expect(uidsOf(nested).sort()).toEqual([ADA, GRACE].sort());
    const everyone = await search({});
    expect(everyone.body.total).toBe(60);
    expect(uidsOf(everyone)).toEqual([...uidsOf(everyone)].sort());
  });
});

describe("its errors", () => {
  it.each([
    [rule("Nickname2", "=", "x"), 957],
    [rule("FirstName", ">", "x"), 957],
    [rule("UserName", "Contains", "ad"), 957],
    [rule("CreatedDate", ">", "yesterday"), 957],
    [{ group: { operator: "XOR", rules: [] } }, 957],
  ])("%j is %i", async (q, code) => {
    const res = await search(q);
    expect(res.body.ErrorCode).toBe(code);
  });

  it("refuses a missing from/to, a size out of 1..1000 and an unknown cursor with 908", async () => {
    expect((await lr.call("POST", "/identity", { body: { q: {} } })).body.ErrorCode).toBe(908);
    expect((await search({}, { size: 1001 })).body.ErrorCode).toBe(908);
    expect((await lr.call("GET", "/identity", { query: { next: "nope" } })).body.ErrorCode).toBe(
      908,
    );
  });
});

describe("paging and lag", () => {
  it("pages with next cursors, each page after the last UID served", async () => {
    const first = await search({}, { size: 25 });
    expect(first.body.data).toHaveLength(25);
    const second = await lr.call("GET", "/identity", { query: { next: first.body.next } });
    expect(second.body.total).toBeUndefined();
    const third = await lr.call("GET", "/identity", { query: { next: second.body.next } });
    const all = [...uidsOf(first), ...uidsOf(second), ...uidsOf(third)];
    expect(third.body.next).toBeUndefined();
    expect(new Set(all).size).toBe(60);
  });

  it("serves the indexed profile until the lag has passed after a write", async () => {
    await search({}); // the index as it stands
    const put = await lr.call("PUT", `${ACCOUNT}/${ADA}`, { body: { FirstName: "Augusta" } });
    expect(put.status).toBe(200);
    const name = async () => (await search(rule("UID", "=", ADA))).body.data[0].FirstName;
    expect(await name()).toBe("Ada");
    clock += 999;
    expect(await name()).toBe("Ada");
    clock += 1;
    expect(await name()).toBe("Augusta");
  });
});
