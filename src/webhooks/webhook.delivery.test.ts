import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CacheInvalidator, CachePart } from "../cache/invalidation.js";
import { silentLogger } from "../log.js";
import { createMetrics } from "../metrics.js";
import { processDelivery, type WebhookDeps } from "./webhook.delivery.js";
import { WEBHOOK_EVENT_NAMES } from "./webhook.events.js";
import { createMemoryLedger } from "./webhook.ledger.js";

const SECRET = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";
const NOW = Date.parse("2026-12-07T15:00:00.000Z");

/** What the cache was asked to do, in order. */
const recordingInvalidator = () => {
  const calls: {
    kind: "invalidate" | "prime";
    uid: string;
    parts?: readonly CachePart[];
    profile?: Record<string, unknown>;
  }[] = [];
  const invalidator: CacheInvalidator = {
    invalidate: async (uids, parts) => {
      for (const uid of uids) calls.push({ kind: "invalidate", uid, parts });
    },
    prime: async (uid, profile) => {
      calls.push({ kind: "prime", uid, profile });
    },
  };
  return { calls, invalidator };
};

const setup = (maxAgeMs = 300_000) => {
  const { calls, invalidator } = recordingInvalidator();
  const metrics = createMetrics({ defaultMetrics: false });
  const deps: WebhookDeps = {
    secret: SECRET,
    invalidator,
    ledger: createMemoryLedger(() => NOW),
    maxAgeMs,
    logger: silentLogger,
    metrics,
    now: () => NOW,
  };
  const verdicts = async () =>
    (await metrics.webhookEvents.get()).values.map(
      (v) => `${v.labels.event}/${v.labels.verdict}=${v.value}`,
    );
  return { deps, calls, verdicts };
};

const sign = (body: string, secret = SECRET) =>
  createHmac("sha256", secret).update(body).digest("hex").toUpperCase();

const payload = (event: string, data: unknown, time = new Date(NOW - 1_000).toISOString()) =>
  JSON.stringify({ HookId: "hook-1", EventName: event, Time: time, Data: data });

const ADA = {
  Uid: "ada",
  FirstName: "Ada",
  Password: "hash$1",
  PasswordExpirationDate: "x",
  Email: [{ Type: "Primary", Value: "ada@example.com" }],
};

describe("a refused webhook delivery changes nothing", () => {
  it("a forged one (wrong secret, no signature, tampered body) changes nothing and is counted", async () => {
    const { deps, calls, verdicts } = setup();
    const body = payload("UpdateProfile", ADA);
    const tampered = body.replace("Ada", "Eve");
    const outcomes = [
      await processDelivery(deps, body, sign(body, "another-secret")),
      await processDelivery(deps, body, undefined),
      await processDelivery(deps, tampered, sign(body)),
      await processDelivery(deps, body, "not hex"),
    ];
    expect(outcomes.map((o) => [o.status, o.code])).toEqual(
      Array(4).fill([401, "UNAUTHENTICATED"]),
    );
    expect(calls).toEqual([]);
    expect(await verdicts()).toEqual(["none/forged=4"]);
  });

  it("a replayed one (same signed body again) changes nothing the second time", async () => {
    const { deps, calls, verdicts } = setup();
    const body = payload("DeleteAccount", { Uid: "ada" });
    expect((await processDelivery(deps, body, sign(body))).verdict).toBe("accepted");
    const again = await processDelivery(deps, body, sign(body).toLowerCase());
    expect(again).toEqual({ verdict: "duplicate", status: 200 });
    expect(calls).toEqual([{ kind: "invalidate", uid: "ada", parts: ["all"] }]);
    expect(await verdicts()).toEqual(["DeleteAccount/accepted=1", "DeleteAccount/duplicate=1"]);
  });

  it("one outside the time window (old, from the future, or without Time) changes nothing", async () => {
    const { deps, calls, verdicts } = setup(60_000);
    const bodies = [
      payload("UpdateProfile", ADA, new Date(NOW - 61_000).toISOString()),
      payload("UpdateProfile", ADA, new Date(NOW + 61_000).toISOString()),
      JSON.stringify({ HookId: "h", EventName: "UpdateProfile", Data: ADA }),
    ];
    for (const body of bodies) {
      const outcome = await processDelivery(deps, body, sign(body));
      expect([outcome.status, outcome.code, outcome.verdict]).toEqual([
        400,
        "BAD_USER_INPUT",
        "stale",
      ]);
    }
    expect(calls).toEqual([]);
    expect(await verdicts()).toEqual(["UpdateProfile/stale=3"]);
  });

  it("a signed body that is no payload is malformed; nothing changes", async () => {
    const { deps, calls } = setup();
    for (const body of ["not json", "[]", JSON.stringify({ EventName: "UpdateProfile" })]) {
      const outcome = await processDelivery(deps, body, sign(body));
      expect([outcome.status, outcome.verdict]).toEqual([400, "malformed"]);
    }
    expect(calls).toEqual([]);
  });
});

describe("an accepted webhook delivery", () => {
  it("primes the profile from Data without its secrets, and drops the other parts the event names", async () => {
    const { deps, calls } = setup();
    const body = payload("SetPassword", ADA);
    await processDelivery(deps, body, sign(body));
    expect(calls).toEqual([
      { kind: "invalidate", uid: "ada", parts: ["security"] },
      { kind: "prime", uid: "ada", profile: { Uid: "ada", FirstName: "Ada", Email: ADA.Email } },
    ]);
  });

  it("an older event arriving after a newer one only drops: no stale profile is primed", async () => {
    const { deps, calls } = setup();
    const newer = payload(
      "UpdateProfile",
      { ...ADA, FirstName: "New" },
      new Date(NOW - 1_000).toISOString(),
    );
    const older = payload(
      "UpdateProfile",
      { ...ADA, FirstName: "Old" },
      new Date(NOW - 2_000).toISOString(),
    );
    await processDelivery(deps, newer, sign(newer));
    await processDelivery(deps, older, sign(older));
    expect(calls.map((c) => [c.kind, c.profile?.FirstName ?? c.parts])).toEqual([
      ["prime", "New"],
      ["invalidate", ["profile"]],
    ]);
  });

  it("an unknown event is logged and counted, and its account loses every entry", async () => {
    const { deps, calls, verdicts } = setup();
    const body = payload("SomethingNew", { Uid: "ada" });
    expect((await processDelivery(deps, body, sign(body))).verdict).toBe("unknown");
    expect(calls).toEqual([{ kind: "invalidate", uid: "ada", parts: ["all"] }]);
    expect(await verdicts()).toEqual(["unknown/unknown=1"]);
  });

  it("knows the 31 events in any casing, and a PIN event never primes", async () => {
    expect(WEBHOOK_EVENT_NAMES).toHaveLength(31);
    const { deps, calls } = setup();
    const body = payload("setpin", { Uid: "ada", PIN: "1234" });
    expect((await processDelivery(deps, body, sign(body))).verdict).toBe("accepted");
    expect(calls).toEqual([{ kind: "invalidate", uid: "ada", parts: ["security"] }]);
  });
});

describe("a webhook delivery the cache fails on", () => {
  it("a failing cache is a 500 that leaks nothing, counted as failed", async () => {
    const { deps, verdicts } = setup();
    deps.invalidator = { invalidate: async () => Promise.reject(new Error(`boom ${SECRET}`)) };
    const body = payload("DeleteAccount", { Uid: "ada" });
    const outcome = await processDelivery(deps, body, sign(body));
    expect(outcome).toMatchObject({
      status: 500,
      code: "INTERNAL_SERVER_ERROR",
      message: "Internal server error.",
    });
    expect(await verdicts()).toEqual(["none/failed=1"]);
  });
});
