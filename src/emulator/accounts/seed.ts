import { createHash } from "node:crypto";
import { lrDate } from "../core/dates.js";
import { hashPassword } from "../core/password.js";
import type { SectionOptions } from "../core/section.js";
import type { StoredProfile } from "./profile.js";

/** Every seeded account with a password has this one (documented in the README). */
export const DEMO_PASSWORD = "Demo-Passw0rd!";

const BASE = Date.UTC(2024, 0, 15, 9, 30, 0);
const HOUR = 3_600_000;

// One hash for all seeded accounts: hashing 100,000 passwords would make start-up crawl.
const DEMO_HASH = hashPassword(DEMO_PASSWORD, Buffer.from("account-graph-demo-salt"));

const hex = (text: string, length = 32): string =>
  createHash("sha256").update(text).digest("hex").slice(0, length);

/** A small deterministic PRNG (mulberry32), so every run seeds the same data. */
const prng = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const dates = (index: number, lastLogin: boolean): Record<string, unknown> => {
  const created = lrDate(new Date(BASE + index * 7 * HOUR));
  const modified = lrDate(new Date(BASE + index * 7 * HOUR + 26 * HOUR));
  return {
    CreatedDate: created,
    SignupDate: created,
    ModifiedDate: modified,
    ProfileModifiedDate: modified,
    ...(lastLogin
      ? { LastLoginDate: lrDate(new Date(BASE + index * 7 * HOUR + 50 * HOUR)), FirstLogin: false }
      : {}),
  };
};

const base = (index: number, uid: string, fields: Record<string, unknown>): StoredProfile => ({
  Uid: uid,
  ID: hex(`id:${uid}`),
  Provider: "Email",
  RegistrationProvider: "Email",
  RegistrationSource: "API",
  Password: DEMO_HASH,
  LastPasswordChangeToken: null,
  IsCustomUid: false,
  ...dates(index, fields.NoOfLogins !== 0),
  NoOfLogins: (index % 9) + 1,
  ...fields,
});

const policy = (version: string, at: string) => ({
  Version: version,
  AcceptSource: "API",
  AcceptDateTime: at,
});

/** Featured accounts other sections seed state for (their place in the seed is in FEATURED_UIDS). */
export const ADA = "0a9d5c1e4b7f4e2a8c3d6b5a7e9f1c20";
export const GRACE = "grace-hopper";
export const ALAN = "7c1f4a8e2b5d4c9a9e3f6a1b8d2c5e70";
export const KATHERINE = "5b8e2f7a1c4d4a9e8b3f6c2d9e1a4b70";
export const MARGARET = "6d3a9c2e5f8b4b1d9a4e7c3f1b6d8a20";

/** The hand-written accounts the README documents, so a newcomer has something to query. */
const FEATURED: readonly (readonly [string, Record<string, unknown>])[] = [
  [
    ADA,
    {
      FirstName: "Ada",
      LastName: "Lovelace",
      FullName: "Ada Lovelace",
      Gender: "F",
      BirthDate: "12-10-1985",
      UserName: "ada",
      Email: [
        { Type: "Primary", Value: "ada@example.com" },
        { Type: "Secondary", Value: "ada.lovelace@work.example" },
      ],
      EmailVerified: true,
      PhoneId: "+14155550101",
      PhoneIdVerified: true,
      Roles: ["admin"],
      CustomFields: { plan: "enterprise", department: "engineering" },
      Company: "Analytical Engines Ltd",
      City: "London",
      Country: { Code: "GB", Name: "United Kingdom" },
      PrivacyPolicy: policy("2.0", "2024-02-01T10:00:00.0000000Z"),
      _PrivacyPolicyHistory: [
        policy("1.0", "2024-01-15T09:30:00.0000000Z"),
        policy("2.0", "2024-02-01T10:00:00.0000000Z"),
      ],
    },
  ],
  [
    GRACE,
    {
      IsCustomUid: true,
      FirstName: "Grace",
      LastName: "Hopper",
      FullName: "Grace Hopper",
      Gender: "F",
      UserName: "grace",
      Email: [{ Type: "Primary", Value: "grace@example.com" }],
      EmailVerified: false,
      Roles: ["editor"],
      CustomFields: { plan: "free" },
      NoOfLogins: 0,
    },
  ],
  [
    ALAN,
    {
      FirstName: "Alan",
      LastName: "Turing",
      FullName: "Alan Turing",
      Gender: "M",
      UserName: "alan",
      Email: [
        { Type: "Primary", Value: "alan@example.com" },
        { Type: "Secondary", Value: "alan.turing@bletchley.example" },
      ],
      EmailVerified: true,
      PhoneId: "+447700900123",
      PhoneIdVerified: false,
      Roles: [],
      CustomFields: { plan: "pro" },
    },
  ],
  [
    "3e8b1d6f9a2c4e7b8d1f4a6c9e2b5d80",
    {
      FirstName: "Linus",
      LastName: "Torvalds",
      FullName: "Linus Torvalds",
      Gender: "M",
      Email: [{ Type: "Primary", Value: "shared@example.com" }],
      EmailVerified: true,
      PhoneId: "+358401234567",
      PhoneIdVerified: true,
      Roles: ["viewer"],
    },
  ],
  [
    "9f2a5c8e1b4d4f7a8c2e5b9d1f3a6c90",
    {
      Provider: "Facebook",
      RegistrationProvider: "Facebook",
      Password: null,
      FirstName: "Linus",
      LastName: "T.",
      FullName: "Linus T.",
      Email: [{ Type: "Primary", Value: "shared@example.com" }],
      EmailVerified: true,
      ImageUrl: "https://images.example/linus.png",
      Identities: [
        {
          Provider: "facebook",
          ID: "10001234567890",
          FullName: "Linus T.",
          Email: [{ Type: "Primary", Value: "shared@example.com" }],
          ImageUrl: "https://images.example/linus.png",
        },
      ],
    },
  ],
  [
    KATHERINE,
    {
      FirstName: "Katherine",
      LastName: "Johnson",
      FullName: "Katherine Johnson",
      Gender: "F",
      UserName: "katherine",
      Email: [{ Type: "Primary", Value: "katherine@example.com" }],
      EmailVerified: true,
      IsLoginLocked: true,
      LoginLockedType: "Suspended",
      DisableLogin: true,
      Roles: ["support"],
    },
  ],
  [
    MARGARET,
    {
      FirstName: "Margaret",
      LastName: "Hamilton",
      FullName: "Margaret Hamilton",
      Gender: "F",
      UserName: "margaret",
      Email: [
        { Type: "Primary", Value: "margaret@example.com" },
        { Type: "Secondary", Value: "mh@apollo.example" },
        { Type: "Business", Value: "margaret.hamilton@nasa.example" },
      ],
      EmailVerified: true,
      PhoneId: "+16175550199",
      PhoneIdVerified: true,
      Roles: ["admin", "auditor"],
      CustomFields: { plan: "enterprise", clearance: "high" },
      PrivacyPolicy: policy("2.0", "2024-03-05T08:00:00.0000000Z"),
      _PrivacyPolicyHistory: [policy("2.0", "2024-03-05T08:00:00.0000000Z")],
    },
  ],
  [
    "8a4c7e1f3b6d4d2a8e5c9b1f4a7d3e60",
    {
      FirstName: "Edsger",
      LastName: "Dijkstra",
      FullName: "Edsger Dijkstra",
      Email: [{ Type: "Primary", Value: "edsger@example.com" }],
      EmailVerified: false,
      NoOfLogins: 0,
    },
  ],
];

/** Fresh copies every time: a reset must not share objects with records stored earlier. */
/** The featured accounts' UIDs, in seed order: index n is the n-th seeded account. */
export const FEATURED_UIDS: readonly string[] = FEATURED.map(([uid]) => uid);

/** The featured UIDs that exist under these options (the first `seedCount`, none without a seed). */
export const seededFeaturedUids = (options: SectionOptions): ReadonlySet<string> =>
  new Set(options.seed === "none" ? [] : FEATURED_UIDS.slice(0, options.seedCount));

const featured = (): StoredProfile[] =>
  FEATURED.map(([uid, fields], index) => base(index, uid, structuredClone(fields)));

const FIRST = ["Maya", "Liam", "Noor", "Kenji", "Sofia", "Omar", "Ines", "Tariq", "Yara", "Lucas"];
const LAST = [
  "Okafor",
  "Novak",
  "Haddad",
  "Tanaka",
  "Rossi",
  "Silva",
  "Kowalski",
  "Dubois",
  "Ahmed",
];
const DOMAINS = ["example.com", "example.org", "mail.example", "corp.example"];
const ROLES = ["viewer", "editor", "admin", "support"];
const PLANS = ["free", "pro", "enterprise"];
const CITIES = ["Lisbon", "Toronto", "Nairobi", "Osaka", "Berlin", "Austin", "Lyon", "Pune"];

const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length)] as T;

const generated = (index: number): StoredProfile => {
  const rand = prng(index * 7919 + 17);
  const first = pick(FIRST, rand());
  const last = pick(LAST, rand());
  const uid = hex(`account-graph-demo:${index}`);
  const emails = [
    { Type: "Primary", Value: `${first}.${last}.${index}@${pick(DOMAINS, rand())}`.toLowerCase() },
  ];
  if (rand() < 0.3)
    emails.push({
      Type: "Secondary",
      Value: `${first[0]}${last}${index}@alt.example`.toLowerCase(),
    });
  const hasPhone = rand() < 0.7;
  const hasUserName = rand() < 0.5;
  return base(index, uid, {
    FirstName: first,
    LastName: last,
    FullName: `${first} ${last}`,
    Gender: rand() < 0.5 ? "F" : "M",
    Email: emails,
    EmailVerified: rand() < 0.7,
    ...(hasPhone
      ? {
          PhoneId: `+1555${String(1_000_000 + index).padStart(7, "0")}`,
          PhoneIdVerified: rand() < 0.6,
        }
      : {}),
    ...(hasUserName ? { UserName: `${first}${last}${index}`.toLowerCase() } : {}),
    Roles: rand() < 0.8 ? [pick(ROLES, rand())] : [],
    CustomFields: { plan: pick(PLANS, rand()), region: rand() < 0.5 ? "eu" : "us" },
    City: pick(CITIES, rand()),
  });
};

/** The demo data set: the featured accounts, then generated ones up to `count`. */
export const demoAccounts = (count: number): StoredProfile[] => {
  const accounts = featured().slice(0, count);
  for (let i = accounts.length; i < count; i++) accounts.push(generated(i));
  return accounts;
};
