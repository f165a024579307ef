import { ErrorCodes, userError } from "../errors.js";
import type { GenerateEmailTokenArgs, GenerateSmsOtpArgs } from "./tokens.args.js";
import type { EmailTokenTypeName, SmsOtpTypeName } from "./tokens.enums.js";
import type { WireEmailTokenBody, WireSmsOtpBody } from "./tokens.wire.js";

type EmailArg = "email" | "userName" | "uid" | "emailType" | "clientGuid" | "name";

/**
 * Which arguments each email token type takes (docs/loginradius-tokens.md, the guide's bodies):
 * `needs` all of, `oneOf` exactly one of, `may` optionally. Anything else is refused, so a
 * caller learns before any upstream call that an argument would be ignored.
 */
interface Rule<A extends string> {
  needs: readonly A[];
  oneOf?: readonly A[];
  may?: readonly A[];
}

const EMAIL_RULES: Record<EmailTokenTypeName, Rule<EmailArg>> = {
  EMAIL_VERIFICATION: { needs: ["email"] },
  ADD_EMAIL: { needs: ["email", "emailType", "uid"] },
  FORGOT_PASSWORD: { needs: [], oneOf: ["email", "userName"] },
  DELETE_USER: { needs: ["uid"] },
  PASSWORDLESS_LOGIN: { needs: [], oneOf: ["email", "userName"] },
  FORGOT_PIN: { needs: ["email"] },
  ONE_TOUCH_LOGIN: { needs: ["email", "clientGuid"], may: ["name"] },
  AUTO_LOGIN: { needs: ["clientGuid"], oneOf: ["email", "userName"] },
};

const SMS_RULES: Record<SmsOtpTypeName, Rule<"uid" | "name">> = {
  ADD_PHONE: { needs: ["uid"] },
  PHONE_ID_VERIFICATION: { needs: [] },
  FORGOT_PASSWORD: { needs: [] },
  FORGOT_PIN: { needs: [] },
  ONE_TOUCH_LOGIN: { needs: [], may: ["name"] },
  SMART_LOGIN: { needs: [] },
  PASSWORDLESS_LOGIN: { needs: [] },
};

/** Checks the given arguments against a rule; BAD_USER_INPUT naming the first one at fault. */
const check = <A extends string>(
  type: string,
  rule: Rule<A>,
  given: Partial<Record<A, string | undefined>>,
  all: readonly A[],
): void => {
  const has = (a: A) => given[a] !== undefined && given[a] !== null;
  for (const a of rule.needs)
    if (!has(a)) throw userError(ErrorCodes.BAD_USER_INPUT, `${type} needs ${a}.`, a);
  if (rule.oneOf && rule.oneOf.filter(has).length !== 1)
    throw userError(
      ErrorCodes.BAD_USER_INPUT,
      `${type} needs exactly one of ${rule.oneOf.join(", ")}.`,
      rule.oneOf[0],
    );
  const allowed = [...rule.needs, ...(rule.oneOf ?? []), ...(rule.may ?? [])];
  const extra = all.find((a) => has(a) && !allowed.includes(a));
  if (extra) throw userError(ErrorCodes.BAD_USER_INPUT, `${type} does not take ${extra}.`, extra);
};

/** The email token body for these arguments, or BAD_USER_INPUT before any upstream call. */
export const toEmailTokenBody = (args: GenerateEmailTokenArgs): WireEmailTokenBody => {
  check(args.type, EMAIL_RULES[args.type], args, [
    "email",
    "userName",
    "uid",
    "emailType",
    "clientGuid",
    "name",
  ]);
  const body: WireEmailTokenBody = {};
  if (args.email) body.Email = args.email;
  if (args.userName) body.Username = args.userName;
  if (args.uid) body.Uid = args.uid;
  if (args.emailType) body.Type = args.emailType;
  if (args.clientGuid) body.ClientGuid = args.clientGuid;
  if (args.name) body.Name = args.name;
  return body;
};

/** The SMS OTP body for these arguments, or BAD_USER_INPUT before any upstream call. */
export const toSmsOtpBody = (args: GenerateSmsOtpArgs): WireSmsOtpBody => {
  check(args.type, SMS_RULES[args.type], args, ["uid", "name"]);
  return {
    Phone: args.phone,
    ...(args.uid ? { Uid: args.uid } : {}),
    ...(args.name ? { Name: args.name } : {}),
  };
};
