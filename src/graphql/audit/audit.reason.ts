import { Length, ValidateBy } from "class-validator";
import { Field } from "type-graphql";

export const MAX_REASON_LENGTH = 500;
/** Letters or digits a reason needs: "GDPR", "INC-42", "ticket 7"; not "  ", "\u200b\u200b" or ".". */
export const MIN_REASON_SIGNS = 3;

const SIGN = /[\p{L}\p{N}]/gu;
/** C0/C1 controls and bidirectional overrides would make an audit line read other than it is. */
const DISGUISE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/** Whether a reason says something an auditor can read. */
export const isReadableReason = (value: unknown): boolean =>
  typeof value === "string" &&
  !DISGUISE.test(value) &&
  (value.match(SIGN)?.length ?? 0) >= MIN_REASON_SIGNS;

/**
 * `reason: String!` on the gravest acts (impersonation, password set, deletes): the one place a
 * reason is declared and checked. The audit trail records it in the intent line; an unreadable
 * one fails BAD_USER_INPUT before the resolver, so nothing is sent upstream.
 */
export const Reason = () => (target: object, propertyName: string) => {
  Field(() => String, {
    description: `Why this is done (${MIN_REASON_SIGNS} to ${MAX_REASON_LENGTH} characters, at least ${MIN_REASON_SIGNS} of them letters or digits), e.g. a ticket; recorded in the audit trail.`,
  })(target, propertyName);
  Length(MIN_REASON_SIGNS, MAX_REASON_LENGTH, {
    message: `reason must be ${MIN_REASON_SIGNS} to ${MAX_REASON_LENGTH} characters`,
  })(target, propertyName);
  ValidateBy(
    { name: "readableReason", validator: { validate: isReadableReason } },
    {
      message: `reason must hold at least ${MIN_REASON_SIGNS} letters or digits and no control or bidirectional-override characters`,
    },
  )(target, propertyName);
};
