import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadTrustedDocuments, parseManifest } from "../src/graphql/trusted-documents.js";
import { ADA } from "./helpers/emulator.js";
import { codeOf, type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

/**
 * Trusted documents: a tool marked trusted-only runs only the operations registered in
 * TRUSTED_DOCUMENTS_FILE, by id; its other documents are refused before parsing, with nothing
 * sent upstream; callers not so marked are unaffected.
 */
const REGISTERED = "query Card($uid: ID!) { accountByUid(uid: $uid) { uid fullName } }";
const ID = createHash("sha256").update(REGISTERED).digest("hex");
const TOOL = "tool-token-5b1d9e7c3a";
const PERSON = "person-token-8c2e4f6a1b";
const dir = mkdtempSync(join(tmpdir(), "trusted-"));
const manifest = join(dir, "persisted-documents.json");
writeFileSync(manifest, JSON.stringify({ [`sha256:${ID}`]: REGISTERED }));

const tokens = authTokensEnv({
  [TOOL]: { name: "tool", scopes: ["accounts:read"], trustedDocumentsOnly: true },
  [PERSON]: { name: "person", scopes: ["accounts:read"] },
});

const post = async (stack: Stack, token: string, body: unknown) => {
  const res = await fetch(`${stack.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as object) } as {
    status: number;
    // biome-ignore lint/suspicious/noExplicitAny: result shapes vary
    data?: any;
    errors?: { extensions?: Record<string, unknown> }[];
  };
};

describe("trusted documents, per caller", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { AUTH_TOKENS: tokens, TRUSTED_DOCUMENTS_FILE: manifest } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.reset());

  it("runs a registered operation by documentId, with or without the sha256: prefix", async () => {
    for (const documentId of [`sha256:${ID}`, ID]) {
      const res = await post(stack, TOOL, { documentId, variables: { uid: ADA } });
      expect(res.status).toBe(200);
      expect(res.data.accountByUid).toEqual({ uid: ADA, fullName: "Ada Lovelace" });
    }
  });

  it("runs a registered operation by Apollo's persistedQuery hash, and over GET", async () => {
    const res = await post(stack, TOOL, {
      variables: { uid: ADA },
      extensions: { persistedQuery: { version: 1, sha256Hash: ID } },
    });
    expect(res.data.accountByUid.fullName).toBe("Ada Lovelace");
    const search = new URLSearchParams({
      documentId: `sha256:${ID}`,
      variables: JSON.stringify({ uid: ADA }),
    });
    const got = await fetch(`${stack.url}/graphql?${search}`, {
      headers: { authorization: `Bearer ${TOOL}`, "apollo-require-preflight": "true" },
    });
    expect(((await got.json()) as { data: { accountByUid: { uid: string } } }).data).toEqual({
      accountByUid: { uid: ADA, fullName: "Ada Lovelace" },
    });
  });

  it("refuses a trusted-only caller's unregistered document before parsing, nothing upstream", async () => {
    for (const query of [
      '{ accountByUid(uid: "x") { uid passwordHash } }',
      "{ this is not GraphQL",
    ]) {
      const res = await post(stack, TOOL, { query });
      expect(res.status).toBe(400);
      expect(codeOf(res)).toBe("TRUSTED_DOCUMENT_REQUIRED");
    }
    expect(await stack.calls()).toHaveLength(0);
  });

  it("lets a trusted-only caller send a registered document in full", async () => {
    const res = await post(stack, TOOL, { query: REGISTERED, variables: { uid: ADA } });
    expect(res.data.accountByUid.uid).toBe(ADA);
  });

  it("answers an unknown id PERSISTED_QUERY_NOT_FOUND, for every caller, nothing upstream", async () => {
    for (const token of [TOOL, PERSON]) {
      const res = await post(stack, token, { documentId: `sha256:${"0".repeat(64)}` });
      expect(res.status).toBe(400);
      expect(codeOf(res)).toBe("PERSISTED_QUERY_NOT_FOUND");
    }
    expect(await stack.calls()).toHaveLength(0);
  });

  it("leaves other callers free to send any document", async () => {
    const res = await post(stack, PERSON, {
      query: `{ accountByUid(uid: "${ADA}") { fullName } }`,
    });
    expect(res.data.accountByUid.fullName).toBe("Ada Lovelace");
  });
});

describe("TRUSTED_DOCUMENTS_ONLY=true", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      env: {
        AUTH_TOKENS: tokens,
        TRUSTED_DOCUMENTS_FILE: manifest,
        TRUSTED_DOCUMENTS_ONLY: "true",
      },
    });
  });
  afterAll(() => stack.close());

  it("holds every caller to the registered operations", async () => {
    const refused = await post(stack, PERSON, { query: `{ accountByUid(uid: "${ADA}") { uid } }` });
    expect(codeOf(refused)).toBe("TRUSTED_DOCUMENT_REQUIRED");
    const ran = await post(stack, PERSON, { documentId: ID, variables: { uid: ADA } });
    expect(ran.data.accountByUid.uid).toBe(ADA);
  });
});

describe("the manifest", () => {
  it("reads the client preset's format and Apollo's persisted query list", () => {
    expect(parseManifest(JSON.stringify({ [`sha256:${ID}`]: REGISTERED })).documents.get(ID)).toBe(
      REGISTERED,
    );
    const apollo = parseManifest(
      JSON.stringify({
        format: "apollo-persisted-query-manifest",
        version: 1,
        operations: [{ id: "card-v1", name: "Card", type: "query", body: REGISTERED }],
      }),
    );
    expect(apollo.problems).toEqual([]);
    expect(apollo.documents.get("card-v1")).toBe(REGISTERED);
  });

  it("stops start-up on a manifest whose id is not its document's hash, or not JSON", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ [ID]: `${REGISTERED} ` }));
    expect(() => loadTrustedDocuments(bad, false)).toThrow(/TRUSTED_DOCUMENTS_FILE/);
    writeFileSync(bad, "{");
    expect(() => loadTrustedDocuments(bad, false)).toThrow(/not JSON/);
  });

  it("refuses TRUSTED_DOCUMENTS_ONLY without a manifest", async () => {
    await expect(startStack({ env: { TRUSTED_DOCUMENTS_ONLY: "true" } })).rejects.toThrow(
      /TRUSTED_DOCUMENTS_FILE/,
    );
  });
});
