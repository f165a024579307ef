import { randomBytes } from "node:crypto";
import { ACCOUNT } from "../accounts/index.js";
import { lrDate } from "../core/dates.js";
import { validationError } from "../core/errors.js";
import type { TokenContext, TokenRoute } from "./token.context.js";
import { sha256 } from "./token.store.js";

/** The documented default when `timeDifference` is not given: 10 minutes. */
const DEFAULT_MINUTES = 10;

/** `timeDifference` in minutes: a whole number from 1 (UNCONFIRMED: no upper limit is documented). */
const minutesOf = (ctx: TokenContext): number => {
  const raw = ctx.query.get("timeDifference");
  if (raw === undefined) return DEFAULT_MINUTES;
  const minutes = Number(raw);
  if (!Number.isInteger(minutes) || minutes < 1)
    throw validationError([
      {
        field: "timeDifference",
        message: "timeDifference must be a whole number of minutes >= 1.",
      },
    ]);
  return minutes;
};

/**
 * A Secured One Time Token: opaque, in the documented shape (base64, `*`, hex). Only its hash is
 * kept; the emulator's registration endpoints do not exist, so nothing consumes it.
 */
const generateSott = (ctx: TokenContext): unknown => {
  const minutes = minutesOf(ctx);
  const sott = `${randomBytes(48).toString("base64")}*${randomBytes(16).toString("hex")}`;
  const expiryTime = lrDate(new Date(ctx.now.getTime() + minutes * 60_000));
  ctx.stores.tokens.issue({
    kind: "sott",
    type: "sott",
    uid: null,
    hash: sha256(sott),
    expires: expiryTime,
  });
  return { Sott: sott, ExpiryTime: expiryTime };
};

/** SOTT generation (`lrv2.sottApi.generateSott`). */
export const sottRoutes: TokenRoute[] = [
  { method: "GET", path: `${ACCOUNT}/sott`, handle: generateSott },
];
