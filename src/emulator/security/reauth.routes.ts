import { ACCOUNT, requireAccount } from "../accounts/index.js";
import { validationError } from "../core/errors.js";
import { bodyValue } from "../core/request.js";
import { SECURITY } from "./codes.js";
import { recordOf, type SecurityContext, type SecurityRoute } from "./security.context.js";
import { type ReauthKind, sha256 } from "./security.store.js";

/**
 * Server-side check of a step-up token (`SecondFactorValidationToken`) that the user earned with
 * the auth API (second factor, password or PIN). The token must belong to this account and to this
 * kind of step-up, and not be expired; validating does not consume it.
 */
const validate =
  (kind: ReauthKind) =>
  (ctx: SecurityContext): unknown => {
    const token = bodyValue(ctx.body, "SecondFactorValidationToken");
    if (typeof token !== "string" || token.trim() === "")
      throw validationError([
        {
          field: "SecondFactorValidationToken",
          message: "The SecondFactorValidationToken field is required.",
        },
      ]);
    const account = requireAccount(ctx.stores.accounts, ctx.params.uid);
    const hash = sha256(token);
    const now = ctx.now.toISOString();
    const valid = recordOf(ctx, account).reauth.some(
      (t) => t.kind === kind && t.hash === hash && (t.expires === null || t.expires > now),
    );
    if (!valid) throw SECURITY.fail(1193);
    return { IsValid: true };
  };

/** Re-authentication ("step-up") validation by UID: 2FA, password, PIN. */
export const reauthRoutes: SecurityRoute[] = [
  { method: "POST", path: `${ACCOUNT}/{uid}/reauth/2fa`, body: true, handle: validate("2fa") },
  {
    method: "POST",
    path: `${ACCOUNT}/{uid}/reauth/password`,
    body: true,
    handle: validate("password"),
  },
  { method: "POST", path: `${ACCOUNT}/{uid}/reauth/pin`, body: true, handle: validate("pin") },
];
