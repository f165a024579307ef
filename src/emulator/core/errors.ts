/**
 * LoginRadius error bodies and the mechanics of code tables. Every error the emulator sends goes
 * through `LrError`, so every body carries the full key set the official SDKs read (`ErrorCode`
 * above all). Each section declares its own table of codes (`defineCodes`) and throws through the
 * factory it gets back, so a code missing from the table is a type error, not a blank body.
 */

export interface LrErrorBody {
  Description: string;
  ErrorCode: number;
  Message: string;
  IsProviderError: boolean;
  ProviderErrorResponse: string | null;
  Errors?: FieldError[];
}

export interface FieldError {
  FieldName: string;
  ErrorMessage: string;
}

/** One row of the documented response-code table: HTTP status, `Message`, `Description`. */
export interface CodeInfo {
  status: number;
  message: string;
  description: string;
}

export type CodeTable = Record<number, CodeInfo>;

export const code = (status: number, message: string, description: string): CodeInfo => ({
  status,
  message,
  description,
});

export interface LrErrorOptions {
  /** Replaces the documented Description (the SDKs show it; keep it close to the table). */
  description?: string;
  errors?: FieldError[];
  status?: number;
}

/** Thrown by route handlers; the app's one error handler turns it into the documented body. */
export class LrError extends Error {
  readonly status: number;
  readonly body: LrErrorBody;

  constructor(errorCode: number, info: CodeInfo, options: LrErrorOptions = {}) {
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

/** A typed error factory over one table: `fail(938)` compiles only if 938 is in the table. */
export const defineCodes = <T extends CodeTable>(table: T) => {
  const fail = (errorCode: keyof T & number, options?: LrErrorOptions): LrError =>
    new LrError(errorCode, table[errorCode] as CodeInfo, options);
  return { table, fail };
};

/**
 * Documented codes that more than one section sends (an account that does not exist, an email or
 * phone already taken...): their texts are written once here and picked by each section's table.
 */
export const SHARED_CODES = {
  936: code(
    403,
    "Email address is already registered with your LoginRadius site",
    "The email address has to be unique for your LoginRadius site, please use a different email address.",
  ),
  938: code(
    403,
    "User does not exist",
    "The user's account does not exist, please use a valid user or create the user before processing this request.",
  ),
  1058: code(
    403,
    "Phone number is already registered with your LoginRadius site",
    "The phone number has to be unique for your LoginRadius site, please use a different phone number.",
  ),
  1096: code(
    400,
    "Invalid phone number",
    "The provided phone number is not valid or not well-formatted, please review the phone number in order to process this request.",
  ),
  1126: code(
    403,
    "Email has already been verified",
    "Provided email address has already been verified, so its verification token couldn’t be generated.",
  ),
} satisfies CodeTable;

/**
 * Codes of the transport and of validation, shared by every section. Message and Description are
 * the documented texts (LoginRadius response-code table); 429 is not in that table, so its text is
 * what the Node SDK synthesises.
 */
export const CORE = defineCodes({
  429: code(429, "Too many requests", "Too many requests in a particular time frame"),
  901: code(
    403,
    "The API key is unauthorized",
    "The provided LoginRadius API key is invalid or is not authorized, please use a valid or authorized LoginRadius API key or check the API key for your LoginRadius account.",
  ),
  902: code(
    401,
    "The API secret is unauthorized",
    "The provided LoginRadius API secret is invalid or is not authorized, please use a valid or authorized LoginRadius API secret or check the API secret for your LoginRadius account.",
  ),
  920: code(
    400,
    "API key is invalid",
    "The provided LoginRadius API key is invalid, please use a valid API key of your LoginRadius account.",
  ),
  921: code(
    400,
    "API secret is invalid",
    "The provided LoginRadius API secret is invalid, please use a valid API secret of your LoginRadius account.",
  ),
  922: code(
    400,
    "API key is missing",
    "The request is missing the API key, please use the valid API key parameter in order to process this request.",
  ),
  923: code(
    400,
    "API secret is missing",
    "The request is missing the API secret, please use the valid API key parameter in order to process this request.",
  ),
  950: code(
    500,
    "Operation failed due to an unknown error",
    "An unknown error has occurred, please try again in a few minutes or contact your system admin.",
  ),
  958: code(
    400,
    "The post body is invalid",
    "Please use a valid post body (in the format x-www-form-urlencoded).",
  ),
  965: code(
    400,
    "The post body is invalid",
    "Please use a valid post body and make sure that it is in a valid JSON format.",
  ),
  971: code(400, "Invalid request", "The current request is invalid, please use a valid request."),
  1079: code(
    400,
    "Put body is invalid",
    "Please use a valid put body and make sure that it is in a valid JSON format.",
  ),
  1081: code(
    400,
    "Put body is invalid",
    "Please use a valid put body (in the format x-www-form-urlencoded).",
  ),
  1083: code(
    400,
    "This content type header is not supported",
    "Please use a valid content type header, either application/JSON or application/x-www-form-urlencoded.",
  ),
  1134: code(
    403,
    "Validation failed for one or more fields",
    "Validation failed for one or more fields, please check the errors field for more information.",
  ),
});

/** A 1134 with one entry per field at fault. */
export const validationError = (errors: { field: string; message: string }[]): LrError =>
  CORE.fail(1134, {
    errors: errors.map((e) => ({ FieldName: e.field, ErrorMessage: e.message })),
  });

/** An error body for a status/code pair that is not in any table (fault injection). */
export const customErrorBody = (errorCode: number, description: string): LrErrorBody => ({
  Description: description,
  ErrorCode: errorCode,
  Message: description,
  IsProviderError: false,
  ProviderErrorResponse: null,
});
