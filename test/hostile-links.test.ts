import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Hostile, json, type Service, startHostile, startService } from "./helpers/hostile.js";

/**
 * Link URLs as a hostile caller writes them. Each is a form WHATWG URL would repair into a URL on
 * the allowed origin, so checking the parsed URL passed it, while the raw string went on to
 * LoginRadius (and into an email, a mail client, a log) meaning something else. The upstream here
 * is a recording stand-in: it keeps the exact request line, so the test reads the value sent
 * (the emulator's call log keeps parameter names only).
 */
let lr: Hostile;
let service: Service;
beforeAll(async () => {
  lr = await startHostile();
  lr.handle((req, res) =>
    req.url?.includes("/forgot/token")
      ? json(res, 200, { ForgotToken: "t0ken", IdentityProviders: [] })
      : json(res, 200, { IsPosted: true }),
  );
  service = await startService(lr.url, {
    ALLOWED_LINK_ORIGINS: "https://accounts.example.com, http://localhost:3000",
  });
});
afterAll(async () => {
  await service.close();
  await lr.close();
});
afterEach(() => {
  lr.seen.length = 0;
});

const FORGOT = `mutation($url: String) {
  generateForgotPasswordToken(email: "ada@example.com", sendEmail: true, resetPasswordUrl: $url) { emailSent }
}`;
const INVALIDATE = `mutation($url: String) {
  invalidateEmailVerification(uid: "u1", verificationUrl: $url) { uid }
}`;

/** The value of one query parameter of the one request the upstream received. */
const sent = (name: string): string | null => {
  expect(lr.seen).toHaveLength(1);
  return new URL(lr.seen[0]?.url ?? "", "http://x").searchParams.get(name);
};

const HOSTILE: [string, string][] = [
  ["a backslash before @ (read as /)", "https://accounts.example.com\\@evil.example/"],
  ["a backslash path", "https://accounts.example.com\\reset"],
  ["CR LF", "https://accounts.example.com/reset\r\nBcc: victim@example.net"],
  ["a bare LF inside the host", "https://accounts.exa\nmple.com/reset"],
  ["a tab", "https://accounts.example.com/re\tset"],
  ["NUL", "https://accounts.example.com/reset\u0000.evil.example"],
  ["a leading space", " https://accounts.example.com/reset"],
  ["a trailing space", "https://accounts.example.com/reset "],
  ["a zero-width space", "https://accounts.example.com/\u200breset"],
  ["a right-to-left override", "https://accounts.example.com/\u202ereset"],
  ["https:host", "https:accounts.example.com/reset"],
  ["https:/host", "https:/accounts.example.com/reset"],
  ["https:///host", "https:///accounts.example.com/reset"],
  ["userinfo", "https://accounts.example.com@evil.example/"],
  ["userinfo on the allowed host", "https://evil.example@accounts.example.com/reset"],
  ["an upper-case scheme", "HTTPS://accounts.example.com/reset"],
  ["http to an allowed https host", "http://accounts.example.com/reset"],
  ["the default port written out", "https://accounts.example.com:443/reset"],
  ["dot segments", "https://accounts.example.com/a/../../evil"],
  ["encoded dot segments", "https://accounts.example.com/%2e%2e/evil"],
  ["an IDN host", "https://accounts.exämple.com/reset"],
  ["a hex IPv4 host", "https://0x7f.0.0.1/reset"],
  ["unencoded non-ASCII in the path", "https://accounts.example.com/réinitialiser"],
  ["unencoded quotes in the query", 'https://accounts.example.com/reset?a="><script>'],
  ["a javascript: URL", "javascript:alert(1)//https://accounts.example.com/"],
];

describe.each([
  ["resetPasswordUrl", FORGOT],
  ["verificationUrl", INVALIDATE],
])("%s: a value not already canonical is refused", (field, query) => {
  it.each(HOSTILE)("%s: BAD_USER_INPUT, nothing sent upstream", async (_, url) => {
    const res = await service.gql(query, { url });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(res.errors?.[0]?.message).toContain(field);
    expect(lr.seen).toEqual([]);
  });
});

describe("what passes is sent as checked", () => {
  it.each([
    ["a canonical URL, unchanged", "https://accounts.example.com/reset?lang=en#top"],
    ["percent-encoding kept as written", "https://accounts.example.com/r%C3%A9initialiser"],
    ["an @ in the path (not userinfo)", "https://accounts.example.com/@team/reset"],
  ])("%s", async (_, url) => {
    const res = await service.gql(FORGOT, { url });
    expect(res.errors).toBeUndefined();
    expect(sent("resetPasswordUrl")).toBe(url);
  });

  it.each([
    ["an empty path gets its /", "https://accounts.example.com", "https://accounts.example.com/"],
    [
      "a query on an empty path",
      "https://accounts.example.com?lang=en",
      "https://accounts.example.com/?lang=en",
    ],
    [
      "an upper-case host is lowered",
      "https://Accounts.Example.COM/Reset",
      "https://accounts.example.com/Reset",
    ],
  ])("%s: the canonical href is what goes upstream", async (_, url, href) => {
    const res = await service.gql(INVALIDATE, { url });
    expect(res.errors).toBeUndefined();
    expect(sent("verificationUrl")).toBe(href);
  });

  it("http stays allowed for a listed localhost origin", async () => {
    const res = await service.gql(INVALIDATE, { url: "http://localhost:3000/verify" });
    expect(res.errors).toBeUndefined();
    expect(sent("verificationUrl")).toBe("http://localhost:3000/verify");
  });
});
