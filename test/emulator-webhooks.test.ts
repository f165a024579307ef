import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signatureMatches } from "../src/webhooks/webhook.verify.js";
import { ACCOUNT, ADA, GRACE, type RunningEmulator, startEmulator } from "./helpers/emulator.js";
import { startWebhookReceiver, type WebhookReceiver } from "./helpers/webhook-receiver.js";

/**
 * The emulator sends LoginRadius webhooks for writes made directly through its REST API (as the
 * Admin Console or another app would), signed as LoginRadius signs them, with faults.
 */
let lr: RunningEmulator;
let hooks: WebhookReceiver;
beforeAll(async () => {
  hooks = await startWebhookReceiver();
  lr = await startEmulator({ webhookUrls: [hooks.url] });
});
afterAll(async () => {
  await lr.close();
  await hooks.close();
});
beforeEach(async () => {
  await lr.control("POST", "/reset");
  hooks.received.length = 0;
});

const eventsOf = () => hooks.received.map((r) => [r.json.EventName, r.json.Data?.Uid]);

/** Each write, and the events LoginRadius would send for it. */
const WRITES: [string, () => Promise<unknown>, [string, string | undefined][]][] = [
  [
    "profile update",
    () => lr.call("PUT", `${ACCOUNT}/${ADA}`, { body: { FirstName: "Augusta" } }),
    [["UpdateProfile", ADA]],
  ],
  [
    "set password",
    () =>
      lr.call("PUT", `${ACCOUNT}/${ADA}/password`, { body: { password: "New-Sturdy-Pass-77" } }),
    [["SetPassword", ADA]],
  ],
  [
    "assign roles",
    () => lr.call("PUT", `${ACCOUNT}/${ADA}/role`, { body: { Roles: ["viewer"] } }),
    [["AssignRoles", ADA]],
  ],
  [
    "unassign roles",
    () => lr.call("DELETE", `${ACCOUNT}/${ADA}/role`, { body: { Roles: ["admin"] } }),
    [["UnassignRoles", ADA]],
  ],
  [
    "phone update",
    () => lr.call("PUT", `${ACCOUNT}/${ADA}/phoneid`, { body: { Phone: "+16045550123" } }),
    [["UpdatePhoneId", ADA]],
  ],
  [
    "custom object",
    () =>
      lr.call("POST", `${ACCOUNT}/${ADA}/customobject`, {
        query: { objectName: "orders" },
        body: { item: "x" },
      }),
    [["CreateCustomObject", ADA]],
  ],
  [
    "role context",
    () =>
      lr.call("PUT", `${ACCOUNT}/${ADA}/rolecontext`, {
        body: { RoleContext: [{ Context: "lab", Roles: ["viewer"] }] },
      }),
    [["AssignRoles", ADA]],
  ],
  [
    "remove role context",
    () => lr.call("DELETE", `${ACCOUNT}/${GRACE}/rolecontext/eu-tenant`),
    [["RemoveRoleContext", GRACE]],
  ],
  ["delete", () => lr.call("DELETE", `${ACCOUNT}/${GRACE}`), [["DeleteAccount", GRACE]]],
];

describe("webhooks for direct REST writes", () => {
  for (const [name, write, expected] of WRITES)
    it(`${name}: ${expected.map(([e]) => e).join(", ")}, signed with the API secret`, async () => {
      const res = (await write()) as { status: number };
      expect(res.status).toBe(200);
      await hooks.waitFor(expected.length);
      expect(eventsOf()).toEqual(expected);
      for (const { body, headers, json } of hooks.received) {
        expect(signatureMatches(body, headers.signature, lr.emulator.apiSecret)).toBe(true);
        expect(signatureMatches(body, headers.signature, "another-secret")).toBe(false);
        expect(Date.parse(json.Time)).not.toBeNaN();
        expect(body).not.toMatch(/"Password"/);
      }
    });

  it("an account created through the API: CreateAccount with its profile, never its hash", async () => {
    const res = await lr.call("POST", ACCOUNT, {
      body: {
        Email: [{ Type: "Primary", Value: "hook@example.net" }],
        Password: "Sturdy-Pass-42",
        FirstName: "Hook",
      },
    });
    const [delivery] = await hooks.waitFor(1);
    expect(delivery?.json).toMatchObject({
      EventName: "CreateAccount",
      Data: { Uid: res.body.Uid, FirstName: "Hook" },
    });
    expect(delivery?.json.Data.Password).toBeUndefined();
  });

  it("X-PreventWebhook: true (or prevent_webhook=true) sends nothing", async () => {
    await lr.call("PUT", `${ACCOUNT}/${ADA}`, {
      body: { FirstName: "Quiet" },
      headers: { "X-PreventWebhook": "true" },
    });
    await lr.call("PUT", `${ACCOUNT}/${ADA}`, {
      body: { FirstName: "Hush" },
      query: { prevent_webhook: "true" },
    });
    await lr.call("PUT", `${ACCOUNT}/${ADA}`, { body: { FirstName: "Loud" } });
    await hooks.waitFor(1);
    const log = (await lr.control("GET", "/webhooks")).body.deliveries;
    expect(log).toHaveLength(1);
    expect(hooks.received.map((r) => r.json.Data.FirstName)).toEqual(["Loud"]);
  });

  it("a write that fails sends nothing", async () => {
    expect(
      (await lr.call("PUT", `${ACCOUNT}/nobody`, { body: { FirstName: "X" } })).status,
    ).not.toBe(200);
    expect((await lr.control("GET", "/webhooks")).body.deliveries).toEqual([]);
  });
});

describe("webhook faults", () => {
  const update = (FirstName: string) =>
    lr.call("PUT", `${ACCOUNT}/${ADA}`, { body: { FirstName } });

  it("drop: the delivery is logged as dropped and never arrives", async () => {
    await lr.control("POST", "/webhooks/faults", { drop: 100 });
    await update("Dropped");
    await lr.control("POST", "/webhooks/faults", { drop: 0 });
    await update("Sent");
    await hooks.waitFor(1);
    const log = (await lr.control("GET", "/webhooks")).body.deliveries;
    expect(log.map((d: { fault: string | null }) => d.fault)).toEqual(["dropped", null]);
    expect(hooks.received.map((r) => r.json.Data.FirstName)).toEqual(["Sent"]);
  });

  it("duplicate: the same signed body arrives twice", async () => {
    await lr.control("POST", "/webhooks/faults", { duplicate: 100 });
    await update("Twice");
    const [a, b] = await hooks.waitFor(2);
    expect(a?.body).toBe(b?.body);
    expect(a?.headers.signature).toBe(b?.headers.signature);
  });

  it("reorder: a delivery is held back behind the next one", async () => {
    await lr.control("POST", "/webhooks/faults", { reorder: 100 });
    await update("First");
    await update("Second");
    await hooks.waitFor(2);
    expect(hooks.received.map((r) => r.json.Data.FirstName)).toEqual(["Second", "First"]);
  });

  it("delay: every delivery waits, and still arrives", async () => {
    await lr.control("POST", "/webhooks/faults", { delayMs: 100 });
    await update("Late");
    await hooks.waitFor(1);
    expect((await lr.control("GET", "/webhooks")).body.deliveries[0].fault).toBe("delayed");
  });

  it("a bad faults body is refused and changes nothing; reset restores the environment's", async () => {
    const bad = await lr.control("POST", "/webhooks/faults", { drop: 101, jitter: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toHaveLength(2);
    await lr.control("POST", "/webhooks/faults", { drop: 50 });
    await lr.control("POST", "/reset");
    expect((await lr.control("GET", "/webhooks")).body.faults).toEqual({
      drop: 0,
      duplicate: 0,
      reorder: 0,
      delayMs: 0,
    });
  });
});
