import { z } from "zod";

/**
 * LoginRadius error body (section 6.1): only what we act on. Its texts (`Description`, `Message`,
 * `Errors[].ErrorMessage`) are not even read: no LoginRadius wording can reach a client or a log.
 */
export const WireErrorSchema = z.object({
  ErrorCode: z.number().int(),
  Errors: z.array(z.object({ FieldName: z.string() })).nullish(),
});
