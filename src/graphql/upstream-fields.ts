/** LoginRadius body keys -> our input fields. A key not here is not named to clients. */
const INPUT_FIELDS: Record<string, string> = {
  Email: "emails",
  PhoneId: "phone",
  Phone: "phone",
  PhoneIdVerified: "phoneVerified",
  EmailVerified: "emailVerified",
  Password: "password",
  PrivacyPolicy: "privacyPolicyVersion",
  Uid: "uid",
  NewUid: "newUid",
  UserName: "userName",
  Prefix: "prefix",
  FirstName: "firstName",
  MiddleName: "middleName",
  LastName: "lastName",
  Suffix: "suffix",
  FullName: "fullName",
  NickName: "nickName",
  BirthDate: "birthDate",
  Gender: "gender",
  Company: "company",
  City: "city",
  CustomFields: "customFields",
  IsActive: "isActive",
  IsLoginLocked: "isLoginLocked",
};

/** LoginRadius spells the same key in different casings (`Password` on create, `password` on set password). */
const BY_LOWER_KEY = new Map(Object.entries(INPUT_FIELDS).map(([k, v]) => [k.toLowerCase(), v]));

/**
 * A LoginRadius `FieldName` (`Email[0].Value`) as our input field (`emails[0].value`), or
 * undefined when it maps to none of ours: upstream text is never passed on as is.
 */
export const inputFieldOf = (wireField: string): string | undefined => {
  const match = /^([A-Za-z]+)(.*)$/.exec(wireField);
  const root = match?.[1] ? BY_LOWER_KEY.get(match[1].toLowerCase()) : undefined;
  if (!root) return undefined;
  const email = /^\[(\d{1,3})\]\.(Type|Value)$/.exec(match?.[2] ?? "");
  if (root === "emails" && email) return `emails[${email[1]}].${email[2]?.toLowerCase()}`;
  return root;
};
