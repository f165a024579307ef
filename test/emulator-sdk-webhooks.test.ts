import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT, ADA } from "./helpers/emulator.js";
import { officialSdkAgainstEmulator } from "./helpers/sdk.js";
import { startWebhookReceiver, type WebhookReceiver } from "./helpers/webhook-receiver.js";

/**
 * The official `loginradius-sdk` webHookApi (40.1 to 40.6), unchanged, against the emulator: a
 * subscription made through it receives the events of its kind, and only those.
 */
const t = officialSdkAgainstEmulator();
let hooks: WebhookReceiver;
beforeAll(async () => {
  hooks = await startWebhookReceiver();
});
afterAll(() => hooks.close());

describe("loginradius-sdk webHookApi against the emulator", () => {
  it("creates, reads, lists, updates and deletes a subscription", async () => {
    const api = t.sdk.webHookApi;
    const created = await api.createWebhookSubscription({
      Name: "profile changes",
      Event: "UpdateProfile",
      TargetUrl: hooks.url,
    });
    expect(created).toMatchObject({
      Name: "profile changes",
      Event: "UpdateProfile",
      TargetUrl: hooks.url,
    });
    expect(await api.getWebhookSubscriptionDetail(created.Id)).toEqual(created);
    expect((await api.listAllWebhooks()).Data).toEqual([created]);
    const updated = await api.updateWebhookSubscription(created.Id, { Event: "DeleteAccount" });
    expect(updated).toMatchObject({ Id: created.Id, Event: "DeleteAccount", TargetUrl: hooks.url });
    expect(await api.deleteWebhookSubscription(created.Id)).toEqual({ IsDeleted: true });
    expect((await api.listAllWebhooks()).Data).toEqual([]);
  });

  it("lists the 31 events", async () => {
    const { Data } = await t.sdk.webHookApi.getWebhookEvents();
    expect(Data).toHaveLength(31);
    expect(Data).toEqual(
      expect.arrayContaining([
        "UpdateProfile",
        "DeleteAccount",
        "AssignRoles",
        "SetPassword",
        "LinkAccount",
      ]),
    );
  });

  it("refuses an unknown event or a target off this machine (1134), and an unknown id", async () => {
    const api = t.sdk.webHookApi;
    await expect(
      api.createWebhookSubscription({ Event: "Nope", TargetUrl: hooks.url }),
    ).rejects.toMatchObject({ ErrorCode: 1134 });
    await expect(
      api.createWebhookSubscription({
        Event: "UpdateProfile",
        TargetUrl: "https://example.com/hook",
      }),
    ).rejects.toMatchObject({ ErrorCode: 1134 });
    await expect(api.getWebhookSubscriptionDetail("missing")).rejects.toMatchObject({
      ErrorCode: 971,
    });
    expect((await api.listAllWebhooks()).Data).toEqual([]);
  });

  it("a subscription gets the events of its kind only", async () => {
    hooks.received.length = 0;
    await t.sdk.webHookApi.createWebhookSubscription({
      Event: "DeleteAccount",
      TargetUrl: hooks.url,
    });
    await t.lr.call("PUT", `${ACCOUNT}/${ADA}`, { body: { FirstName: "Not sent" } });
    await t.lr.call("DELETE", `${ACCOUNT}/${ADA}`);
    const [delivery] = await hooks.waitFor(1);
    expect(delivery?.json).toMatchObject({ EventName: "DeleteAccount", Data: { Uid: ADA } });
    expect((await t.lr.control("GET", "/webhooks")).body.deliveries).toHaveLength(1);
  });
});
