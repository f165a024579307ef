import { z } from "zod";
import { WireProfileSchema } from "../accounts/index.js";

/**
 * A Cloud Directory page: `POST /identity` answers `{total, data, next?}`, `GET /identity?next=`
 * answers `{data, next?}` (apidocs cloud-directory-api). Profiles are read with the Accounts
 * section's schema: search nodes are ordinary accounts.
 */
export const WireSearchPageSchema = z.object({
  total: z.number().int().nonnegative().optional(),
  data: z.array(WireProfileSchema),
  next: z.string().min(1).max(2048).nullish(),
});
export type WireSearchPage = z.infer<typeof WireSearchPageSchema>;
