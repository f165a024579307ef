import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { accountGraphClient, customerCards } from "../examples/client/customer-cards.js";
import { ADA, GRACE } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

/**
 * examples/client/: another tool's operations, typed by its own codegen config from
 * schema.graphql and run with graphql-request, as docs/company-graph.md shows it, against the service.
 */
const TOKEN = "support-desk-2e4c6a8b0d1f";
const UNKNOWN = "no-such-account-0000";
const root = fileURLToPath(new URL("..", import.meta.url));
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    env: {
      // The tool is held to its registered operations: the example must send them by id.
      AUTH_TOKENS: authTokensEnv({
        [TOKEN]: { name: "support", scopes: ["accounts:read"], trustedDocumentsOnly: true },
      }),
      TRUSTED_DOCUMENTS_FILE: "examples/client/generated/persisted-documents.json",
    },
  });
});
afterAll(() => stack.close());
beforeEach(() => stack.reset());

describe("examples/client (graphql-request + typed documents)", () => {
  it("reads typed cards, one upstream call per distinct UID, null for an unknown one", async () => {
    const client = accountGraphClient(`${stack.url}/graphql`, TOKEN);
    const cards = await customerCards(client, [ADA, GRACE, ADA, UNKNOWN]);
    expect(cards.map((card) => card?.fullName ?? null)).toEqual([
      "Ada Lovelace",
      "Grace Hopper",
      "Ada Lovelace",
      null,
    ]);
    expect(await stack.calls()).toHaveLength(3);
  });

  it("holds the tool to its registered operations: its own query sent as text is refused", async () => {
    const res = await stack.gql(
      `query CustomerCards($uids: [ID!]!) { accountsByUids(uids: $uids) { uid primaryEmail phone } }`,
      { uids: [ADA] },
      { token: TOKEN },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("TRUSTED_DOCUMENT_REQUIRED");
    expect(await stack.calls()).toHaveLength(0);
  });

  it("refuses the tool without its token", async () => {
    const client = accountGraphClient(`${stack.url}/graphql`);
    await expect(customerCards(client, [ADA])).rejects.toThrow(/Caller authentication is required/);
  });

  it("runs as docs/company-graph.md's command", async () => {
    const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) =>
      execFile(
        process.execPath,
        ["--import", "tsx", "examples/client/main.ts", ADA, UNKNOWN],
        {
          cwd: root,
          env: {
            ...process.env,
            ACCOUNT_GRAPH_URL: `${stack.url}/graphql`,
            ACCOUNT_GRAPH_TOKEN: TOKEN,
          },
        },
        (error, out) => (error ? reject(error) : resolve({ stdout: out })),
      ),
    );
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ uid: ADA, fullName: "Ada Lovelace" });
    expect(lines[1]).toBe("null");
  });
});
