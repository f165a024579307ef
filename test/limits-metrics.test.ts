import { describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { listen } from "../src/http/listen.js";
import { silentLogger } from "../src/log.js";
import { createMetrics } from "../src/metrics.js";
import { createAppServer } from "../src/server.js";
import { startEmulator } from "./helpers/emulator.js";
import { TEST_ENV } from "./helpers/stack.js";

describe("limit rejections in the metrics", () => {
  it("counts each refusal by its code", async () => {
    const lr = await startEmulator();
    const metrics = createMetrics({ defaultMetrics: false });
    const app = await createAppServer(readConfig({ ...TEST_ENV, MAX_DEPTH: "2" }), {
      upstream: { apiUrl: lr.url, apiKey: lr.emulator.apiKey, apiSecret: lr.emulator.apiSecret },
      logger: silentLogger,
      metrics,
    });
    await app.start();
    const server = await listen(app.handler, 0);
    try {
      const send = (query: string) =>
        fetch(`${server.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query }),
        });
      await send('{ accountByUid(uid: "a") { privacyPolicyHistory { current { version } } } }');
      await send(
        `mutation { ${Array.from({ length: 6 }, (_, i) => `a${i}: issueAccessToken(uid: "a", reason: "test") { expiresAt }`).join(" ")} }`,
      );
      await send(`{ ${"a: __typename ".repeat(1500)} }`);
      const text = await metrics.registry.metrics();
      for (const code of [
        "MAX_DEPTH_EXCEEDED",
        "SIDE_EFFECT_LIMIT_EXCEEDED",
        "MAX_TOKENS_EXCEEDED",
      ])
        expect(text).toContain(`account_graph_operations_rejected_total{code="${code}"} 1`);
    } finally {
      await server.close();
      await app.stop();
      await lr.close();
    }
  });
});
