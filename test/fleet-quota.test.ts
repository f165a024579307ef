import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Hostile, json, type Service, startHostile, startService } from "./helpers/hostile.js";

/** The quota as one service spends it: priorities when tokens are short, a 429's backoff. */
let lr: Hostile;
let service: Service | undefined;
beforeEach(async () => {
  lr = await startHostile();
});
afterEach(async () => {
  await service?.close();
  service = undefined;
  await lr.close();
});

const uidOf = (url: string) => /account\/([^/?]+)/.exec(url)?.[1] ?? "x";
const BATCH = "query($uids: [ID!]!) { accountsByUids(uids: $uids) { uid } }";

describe("one quota", () => {
  it("lets a single read go before the rest of a bulk read when tokens are short", async () => {
    service = await startService(lr.url, { UPSTREAM_MAX_RPS: "10", UPSTREAM_RETRIES: "0" });
    lr.handle((req, res) => json(res, 200, { Uid: uidOf(req.url ?? "") }));
    const uids = Array.from({ length: 8 }, (_, i) => `bulk${i}`);
    const bulk = service.gql(BATCH, { uids });
    await new Promise((r) => setTimeout(r, 50));
    const single = await service.gql('{ accountByUid(uid: "single") { uid } }');
    expect(single.data.accountByUid.uid).toBe("single");
    expect((await bulk).data.accountsByUids).toHaveLength(8);
    const order = lr.seen.map((s) => uidOf(s.url ?? ""));
    expect(order.indexOf("single")).toBeLessThan(3);
    expect(order).toHaveLength(9);
  });

  it("sends nothing more until a LoginRadius 429's window resets", async () => {
    service = await startService(lr.url, {
      UPSTREAM_MAX_RPS: "1000",
      UPSTREAM_RETRIES: "0",
      UPSTREAM_MAX_QUEUE_WAIT_MS: "5000",
    });
    let n = 0;
    const at: number[] = [];
    lr.handle((req, res) => {
      at.push(Date.now());
      if (n++ === 0) {
        res.setHeader("retry-after", "1");
        return json(res, 429, { ErrorCode: 1202, Message: "too many" });
      }
      json(res, 200, { Uid: uidOf(req.url ?? "") });
    });
    const first = await service.gql('{ accountByUid(uid: "a") { uid } }');
    expect(first.errors?.[0]?.extensions?.code).toBe("UPSTREAM_RATE_LIMITED");
    const second = await service.gql('{ accountByUid(uid: "b") { uid } }');
    expect(second.data.accountByUid.uid).toBe("b");
    expect((at[1] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual(900);
    const metrics = await service.metrics.registry.metrics();
    expect(metrics).toMatch(/account_graph_upstream_quota_waits_total\{reason="backoff"\} 1/);
  });
});
