import type { z } from "zod";
import { errorInBody, UpstreamError } from "./upstream-error.js";

/**
 * An answer's body as its endpoint's schema says, or a typed error: an error body (even with
 * HTTP 200, as the SDKs read it) is the error it states; anything else that does not fit is one
 * `bad_response`, whose detail names the keys that failed and how, never their values.
 */
export const readAnswer = <S extends z.ZodType>(
  schema: S,
  endpoint: string,
  status: number,
  text: string,
): z.infer<S> => {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new UpstreamError("bad_response", endpoint, status, null, "not JSON");
  }
  const inBody = errorInBody(endpoint, status, body);
  if (inBody) throw inBody;
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.code}`)
    .join("; ");
  throw new UpstreamError("bad_response", endpoint, status, null, where);
};
