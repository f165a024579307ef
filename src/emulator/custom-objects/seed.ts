import { createHash } from "node:crypto";
import { ADA, GRACE, MARGARET, seededFeaturedUids } from "../accounts/index.js";
import { lrDate } from "../core/dates.js";
import type { SectionOptions } from "../core/section.js";
import type { StoredRecord } from "./custom-object.store.js";

const BASE = Date.UTC(2024, 2, 1, 10, 0, 0);
const DAY = 86_400_000;

const date = (days: number): string => lrDate(new Date(BASE + days * DAY));

const record = (
  uid: string,
  objectName: string,
  n: number,
  CustomObject: Record<string, unknown>,
): StoredRecord => ({
  Id: createHash("sha256")
    .update(`custom-object:${uid}:${objectName}:${n}`)
    .digest("hex")
    .slice(0, 24),
  Uid: uid,
  ObjectName: objectName,
  owner: null,
  IsActive: true,
  DateCreated: date(n),
  DateModified: date(n + 3),
  CustomObject,
});

/** Records on featured accounts (README "Demo data"): deterministic Ids and dates. */
const DEMO_RECORDS = (): StoredRecord[] => [
  record(ADA, "addresses", 0, {
    label: "home",
    street: "12 St James's Square",
    city: "London",
    country: "GB",
    default: true,
  }),
  record(ADA, "addresses", 1, {
    label: "work",
    street: "1 Analytical Engine Way",
    city: "Cambridge",
    country: "GB",
    default: false,
  }),
  record(ADA, "preferences", 2, { newsletter: true, theme: "dark", languages: ["en", "fr"] }),
  record(GRACE, "orders", 3, {
    orderId: "A-1001",
    total: 42.5,
    items: [{ sku: "COBOL-1", qty: 1 }],
  }),
  record(GRACE, "orders", 4, {
    orderId: "A-1002",
    total: 9.99,
    items: [{ sku: "NANO-1", qty: 3 }],
  }),
  record(MARGARET, "addresses", 5, { label: "home", city: "Boston", country: "US", default: true }),
];

/** The custom-objects slice's seed: the demo records whose account the seed count includes. */
export const demoCustomObjects = (options: SectionOptions): StoredRecord[] => {
  const seeded = seededFeaturedUids(options);
  return DEMO_RECORDS().filter((r) => seeded.has(r.Uid));
};
