import { describe, expect, it } from "vitest";
import { queryBytesInJson } from "./query-bytes.js";

const bytesOf = (json: string) => queryBytesInJson(Buffer.from(json, "utf8"));
/** What the check after JSON.parse counts: the parsed query's UTF-8 bytes. */
const parsedBytes = (json: string) =>
  Buffer.byteLength((JSON.parse(json) as { query: string }).query, "utf8");

describe("queryBytesInJson: the query's UTF-8 bytes, read from the body's bytes", () => {
  it.each([
    ["plain", '{"query":"{ __typename }"}'],
    ["spaces around every token", ' \n{ "variables" : { } , "query" :\t"{ a }" } \r\n'],
    ["short escapes", JSON.stringify({ query: 'a\n"b"\\c/\t\r\b\f' })],
    ["escaped solidus", '{"query":"a\\/b"}'],
    ["\\u escapes of 1, 2 and 3 bytes", '{"query":"\\u0041\\u00e9\\u20AC"}'],
    ["a surrogate pair escaped", '{"query":"\\ud83d\\ude00"}'],
    ["a lone high surrogate", '{"query":"\\ud83dx"}'],
    ["a lone low surrogate", '{"query":"x\\ude00"}'],
    ["a high surrogate before a raw character", '{"query":"\\ud83d\u00e9"}'],
    ["raw UTF-8 of 2, 3 and 4 bytes", '{"query":"é€😀"}'],
    [
      "query after nested objects holding a query key",
      '{"variables":{"query":"xxxxxxxx","a":[1,{"query":"y"}]},"query":"{ b }"}',
    ],
    ["repeated keys: the last wins", '{"query":"a much longer first text","query":"{ c }"}'],
    ["literals and numbers before it", '{"a":true,"b":null,"c":-1.5e3,"d":[],"query":"q"}'],
    ["brackets inside strings", '{"extensions":{"x":"}]{["},"query":"q{}"}'],
  ])("%s: as counted after JSON.parse", (_, json) => {
    expect(bytesOf(json)).toBe(parsedBytes(json));
  });

  it("random texts of every kind of code unit, as JSON.stringify writes them", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const ranges = [0x7f, 0x7ff, 0xd7ff, 0xdfff, 0xffff];
    for (let n = 0; n < 300; n++) {
      const units = Array.from({ length: Math.floor(random() * 40) }, () => {
        const top = ranges[Math.floor(random() * ranges.length)] as number;
        return Math.floor(random() * (top + 1));
      });
      const json = JSON.stringify({ operationName: null, query: String.fromCharCode(...units) });
      expect(bytesOf(json)).toBe(parsedBytes(json));
    }
  });
});

describe("queryBytesInJson: bodies it leaves to JSON.parse", () => {
  it("invalid UTF-8 counts no more than it decodes to", () => {
    const body = Buffer.concat([
      Buffer.from('{"query":"a'),
      Buffer.from([0xff, 0xe2, 0x82]),
      Buffer.from('"}'),
    ]);
    const parsed = Buffer.byteLength(JSON.parse(body.toString("utf8")).query as string);
    expect(queryBytesInJson(body)).toBe(4);
    expect(parsed).toBeGreaterThanOrEqual(4);
  });

  it.each([
    ["not an object", '["query"]'],
    ["a string", '"query"'],
    ["no query", '{"variables":{}}'],
    ["empty object", "{}"],
    ["query not a string", '{"query":123}'],
    ["query null after a string one", '{"query":"long text here","query":null}'],
    ["an escaped key (left to JSON.parse)", '{"\\u0071uery":"q"}'],
    ["an escape in another key", '{"a\\n":1,"query":"q"}'],
    ["trailing text", '{"query":"q"} x'],
    ["two objects", '{"query":"q"}{}'],
    ["unterminated string", '{"query":"q}'],
    ["a raw newline in the string", '{"query":"a\nb"}'],
    ["a bad escape", '{"query":"\\x41"}'],
    ["a short \\u escape", '{"query":"\\u00"}'],
    ["missing colon", '{"query" "q"}'],
    ["missing comma", '{"a":1 "query":"q"}'],
    ["unclosed object", '{"query":"q"'],
    ["unclosed nested value", '{"variables":{"a":[1,2,"query":"q"}'],
    ["empty body", ""],
  ])("%s: null, left to the parsed check", (_, json) => {
    expect(bytesOf(json)).toBeNull();
  });
});
