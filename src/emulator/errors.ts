/**
 * LoginRadius error bodies and codes, as documented in the API reference (section 6 of
 * shared/loginradius-account-api.md). Every error the emulator sends goes through `LrError`, so
 * every body carries the full key set the official SDKs read (`ErrorCode` above all).
 */

export interface LrErrorBody {
  Description: string;
  ErrorCode: number;
  Message: string;
  IsProviderError: boolean;
  ProviderErrorResponse: string | null;
  Errors?: { FieldName: string; ErrorMessage: string }[];
}

interface CodeInfo {
  status: number;
  message: string;
  description: string;
}

const code = (status: number, message: string, description: string): CodeInfo => ({
  status,
  message,
  description,
});

/** The codes the emulator can send, with their documented HTTP status. */
export const LR_CODES = {
  429: code(429, "Too many requests", "Too many requests in a particular time frame"),
  901: code(403, "API key is invalid", "The provided LoginRadius API key is not authorized."),
  902: code(401, "API secret is invalid", "The provided LoginRadius API secret is not authorized."),
  920: code(400, "API key is invalid", "The LoginRadius API key is not in a valid format."),
  921: code(400, "API secret is invalid", "The LoginRadius API secret is not in a valid format."),
  922: code(400, "API key is required", "The LoginRadius API key is missing."),
  923: code(400, "API secret is required", "The LoginRadius API secret is missing."),
  936: code(403, "Email already exists", "The email address is already registered to an account."),
  938: code(403, "User does not exist", "The user does not exist."),
  950: code(500, "Unknown error", "An unknown error occurred."),
  958: code(400, "Invalid request body", "The POST body is missing or invalid."),
  965: code(400, "Invalid JSON", "The request body is not valid JSON."),
  968: code(400, "Invalid date", "The date is invalid or lies in the future."),
  971: code(400, "Invalid request", "The request is invalid."),
  990: code(403, "Email is invalid", "The email address is not in a valid format."),
  993: code(403, "Custom field is invalid", "Custom field values must be strings."),
  1005: code(403, "Email cannot be removed", "An account must keep at least one email address."),
  1017: code(403, "Username already exists", "The username is already registered to an account."),
  1044: code(403, "UID already exists", "An account with this UID is already registered."),
  1058: code(403, "Phone already exists", "The phone number is already registered to an account."),
  1079: code(400, "Invalid request body", "The PUT body is missing or invalid."),
  1081: code(400, "Invalid request body", "The DELETE body is missing or invalid."),
  1083: code(400, "Unsupported Content-Type", "The Content-Type must be application/json."),
  1089: code(400, "Password is required", "The password is missing."),
  1096: code(400, "Invalid phone number", "The phone number is not in a valid format."),
  1113: code(403, "Cannot invalidate email", "The account has no email to invalidate."),
  1118: code(400, "Email, UID or phone required", "An email, UID or phone number is required."),
  1126: code(403, "Email already verified", "The email address is already verified."),
  1134: code(403, "Validation failed", "Validation failed for one or more fields."),
  1147: code(403, "Cannot reset phone verification", "The account has no phone number."),
  1161: code(403, "Phone already unverified", "The phone number is already unverified."),
  1200: code(
    403,
    "UID is invalid",
    "A UID may contain only letters, digits, _ and -, 1 to 50 long.",
  ),
  1201: code(400, "Email type is required", "Each email needs a Type."),
  1202: code(400, "Duplicate emails", "The same email address appears more than once."),
  1203: code(400, "More than one Primary email", "Only one email may have the Type Primary."),
  1216: code(403, "Password is too weak", "The password does not meet the password policy."),
  1217: code(403, "Refresh token is invalid", "The refresh token is invalid or revoked."),
  1340: code(403, "Email not in profile", "The email address does not exist in the profile."),
} as const satisfies Record<number, CodeInfo>;

export type LrCode = keyof typeof LR_CODES;

/** Thrown by route handlers; the app's one error handler turns it into the documented body. */
export class LrError extends Error {
  readonly status: number;
  readonly body: LrErrorBody;

  constructor(
    errorCode: LrCode,
    options: { description?: string; errors?: LrErrorBody["Errors"]; status?: number } = {},
  ) {
    const info: CodeInfo = LR_CODES[errorCode];
    super(options.description ?? info.description);
    this.status = options.status ?? info.status;
    this.body = {
      Description: options.description ?? info.description,
      ErrorCode: errorCode,
      Message: info.message,
      IsProviderError: false,
      ProviderErrorResponse: null,
      ...(options.errors ? { Errors: options.errors } : {}),
    };
  }
}

/** A 1134 with one entry per field at fault. */
export const validationError = (errors: { field: string; message: string }[]): LrError =>
  new LrError(1134, {
    errors: errors.map((e) => ({ FieldName: e.field, ErrorMessage: e.message })),
  });

/** An error body for a status/code pair that is not in the table (fault injection). */
export const customErrorBody = (errorCode: number, description: string): LrErrorBody => ({
  Description: description,
  ErrorCode: errorCode,
  Message: description,
  IsProviderError: false,
  ProviderErrorResponse: null,
});
