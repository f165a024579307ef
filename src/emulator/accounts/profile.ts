/**
 * The LoginRadius user profile ("Identity") as the API renders it: the full key set, in the
 * documented order, with `null` (or 0/false) for anything unset. The store keeps only what is set;
 * `renderProfile` fills in the rest, so 100,000 accounts do not cost 100,000 copies of ~150 nulls.
 */

/** How a key may be written through the API. */
export type FieldKind =
  | "string"
  | "bool"
  | "int"
  | "object"
  | "objects"
  | "strings"
  | "emails"
  | "custom"
  | "system";

interface FieldSpec {
  name: string;
  kind: FieldKind;
  fallback: unknown;
}

const f = (name: string, kind: FieldKind, fallback: unknown = null): FieldSpec => ({
  name,
  kind,
  fallback,
});

const SOCIAL_STRINGS = [
  "About",
  "Age",
  "Associations",
  "City",
  "Company",
  "CoverPhoto",
  "Currency",
  "Favicon",
  "GistsUrl",
  "GravatarImageUrl",
  "HomeTown",
  "Honors",
  "HttpsImageUrl",
  "ImageUrl",
  "Industry",
  "IsGeoEnabled",
  "Language",
  "LocalCity",
  "LocalCountry",
  "LocalLanguage",
  "LRUserID",
  "MainAddress",
  "Political",
  "ProfessionalHeadline",
  "ProfileCity",
  "ProfileCountry",
  "ProfileUrl",
  "PublicRepository",
  "Quota",
  "Quote",
  "RelationshipStatus",
  "Religion",
  "RepositoryUrl",
  "StarredUrl",
  "State",
  "TagLine",
  "ThumbnailImageUrl",
  "TimeZone",
  "UpdatedTime",
  "Verified",
  "Website",
];

const SOCIAL_INTS = [
  "BoardsCount",
  "FollowersCount",
  "FriendsCount",
  "LikesCount",
  "NumRecommenders",
  "PinsCount",
  "PrivateGists",
  "PublicGists",
  "TotalPrivateRepository",
  "TotalStatusesCount",
];

const SOCIAL_OBJECTS = [
  "AgeRange",
  "KloutScore",
  "ProviderAccessCredential",
  "Subscription",
  "Suggestions",
  "ProfileImageUrls",
  "WebProfiles",
];

const SOCIAL_LISTS = [
  "Awards",
  "Badges",
  "Books",
  "Certifications",
  "Courses",
  "CurrentStatus",
  "Educations",
  "Family",
  "FavoriteThings",
  "Games",
  "IMAccounts",
  "InspirationalPeople",
  "Interests",
  "JobBookmarks",
  "Languages",
  "MemberUrlResources",
  "Movies",
  "MutualFriends",
  "Patents",
  "PlacesLived",
  "Positions",
  "Projects",
  "Publications",
  "RecommendationsReceived",
  "RelatedProfileViews",
  "Skills",
  "Sports",
  "TeleVisionShow",
  "Volunteer",
];

/** Core keys in the order of the documented "Update PhoneID by UID" sample, then the rest. */
const FIELDS: FieldSpec[] = [
  f("IsPasswordBreached", "system", false),
  f("Password", "system"),
  f("LastPasswordChangeDate", "system"),
  f("PasswordExpirationDate", "system"),
  f("LastPasswordChangeToken", "system"),
  f("EmailVerified", "bool", false),
  f("IsActive", "bool", true),
  f("IsDeleted", "bool", false),
  f("Uid", "system"),
  f("CustomFields", "custom"),
  f("IsEmailSubscribed", "bool", false),
  f("UserName", "string"),
  f("NoOfLogins", "system", 0),
  f("PhoneId", "string"),
  f("PhoneIdVerified", "bool", false),
  f("Roles", "system"),
  f("ExternalUserLoginId", "string"),
  f("RegistrationProvider", "system"),
  f("IsLoginLocked", "bool", false),
  f("LoginLockedType", "system", "None"),
  f("LastLoginLocation", "system"),
  f("RegistrationSource", "string"),
  f("IsCustomUid", "system", false),
  f("UnverifiedEmail", "system"),
  f("IsSecurePassword", "system"),
  f("PrivacyPolicy", "object"),
  f("ExternalIds", "objects"),
  f("IsRequiredFieldsFilledOnce", "system", true),
  f("ConsentProfile", "system"),
  f("PIN", "system"),
  f("RegistrationData", "system"),
  f("DisableLogin", "bool", false),
  f("ID", "system"),
  f("Provider", "system"),
  f("Prefix", "string"),
  f("FirstName", "string"),
  f("MiddleName", "string"),
  f("LastName", "string"),
  f("Suffix", "string"),
  f("FullName", "string"),
  f("NickName", "string"),
  f("ProfileName", "string"),
  f("BirthDate", "string"),
  f("Gender", "string"),
  ...SOCIAL_STRINGS.map((name) => f(name, "string")),
  f("Email", "emails"),
  f("Country", "object"),
  f("PhoneNumbers", "objects"),
  f("Addresses", "objects"),
  f("Organizations", "objects"),
  f("InterestedIn", "strings"),
  ...SOCIAL_INTS.map((name) => f(name, "system", 0)),
  f("Hireable", "system", false),
  f("IsProtected", "system", false),
  ...SOCIAL_OBJECTS.map((name) => f(name, "system")),
  ...SOCIAL_LISTS.map((name) =>
    f(name, ["Languages", "PlacesLived"].includes(name) ? "objects" : "system"),
  ),
  f("Created", "system"),
  f("CreatedDate", "system"),
  f("ModifiedDate", "system"),
  f("ProfileModifiedDate", "system"),
  f("FirstLogin", "system", true),
  f("SignupDate", "system"),
  f("LastLoginDate", "system", "0001-01-01T00:00:00.0000000Z"),
  f("PreviousUids", "system"),
  f("Identities", "system"),
];

const BY_LOWER = new Map(FIELDS.map((spec) => [spec.name.toLowerCase(), spec]));

/** The canonical spelling of a profile key sent in any casing, or undefined if unknown. */
export const fieldSpec = (key: string): FieldSpec | undefined => BY_LOWER.get(key.toLowerCase());

export const PROFILE_KEYS: readonly string[] = FIELDS.map((spec) => spec.name);

/** What the store keeps: only the keys that are set. */
export type StoredProfile = Record<string, unknown> & {
  Uid: string;
  Email?: { Type: string; Value: string }[] | null;
};

/** The wire profile: every documented key, unset ones as their documented default. */
export const renderProfile = (stored: StoredProfile): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const spec of FIELDS) {
    const value = stored[spec.name];
    out[spec.name] = value === undefined ? structuredCloneIfObject(spec.fallback) : clone(value);
  }
  return out;
};

const structuredCloneIfObject = (value: unknown): unknown =>
  value !== null && typeof value === "object" ? structuredClone(value) : value;

const clone = structuredCloneIfObject;
