import { describe, expect, it } from "vitest";
import { ADA, EDSGER } from "./helpers/emulator.js";
import { officialSdkAgainstEmulator } from "./helpers/sdk.js";

const t = officialSdkAgainstEmulator();

/** Every by-UID method of `lrv2.customObjectApi` (loginradius-sdk@11.7.0), called as documented. */
describe("loginradius-sdk customObjectApi against the emulator", () => {
  it("createCustomObjectByUid, getCustomObjectByUid, getCustomObjectByRecordID", async () => {
    const { sdk } = t;
    const created = await sdk.customObjectApi.createCustomObjectByUid(
      "preferences",
      { theme: "light", newsletter: false },
      EDSGER,
    );
    expect(created).toMatchObject({
      Id: expect.stringMatching(/^[0-9a-f]{24}$/),
      IsActive: true,
      IsDeleted: false,
      Uid: EDSGER,
      CustomObject: { theme: "light", newsletter: false },
    });
    const all = await sdk.customObjectApi.getCustomObjectByUid("preferences", EDSGER);
    expect(all).toEqual({ data: [created], Count: 1 });
    const one = await sdk.customObjectApi.getCustomObjectByRecordID(
      "preferences",
      created.Id,
      EDSGER,
    );
    expect(one).toEqual(created);
  });

  it("updateCustomObjectByUid (partialreplace, replace) and deleteCustomObjectByRecordID", async () => {
    const { sdk } = t;
    const [first] = (await sdk.customObjectApi.getCustomObjectByUid("preferences", ADA)).data;
    const merged = await sdk.customObjectApi.updateCustomObjectByUid(
      "preferences",
      first.Id,
      { theme: "light" },
      ADA,
      "partialreplace",
    );
    expect(merged.CustomObject).toEqual({
      newsletter: true,
      theme: "light",
      languages: ["en", "fr"],
    });
    const replaced = await sdk.customObjectApi.updateCustomObjectByUid(
      "preferences",
      first.Id,
      { theme: "light" },
      ADA,
      "replace",
    );
    expect(replaced.CustomObject).toEqual({ theme: "light" });
    await expect(
      sdk.customObjectApi.updateCustomObjectByUid("preferences", first.Id, { a: 1 }, ADA),
    ).rejects.toMatchObject({ ErrorCode: 1134 });
    expect(
      await sdk.customObjectApi.deleteCustomObjectByRecordID("preferences", first.Id, ADA),
    ).toEqual({ IsDeleted: true });
    await expect(
      sdk.customObjectApi.getCustomObjectByRecordID("preferences", first.Id, ADA),
    ).rejects.toMatchObject({ ErrorCode: 1057 });
  });
});
