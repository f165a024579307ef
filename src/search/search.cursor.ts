import { createHash } from "node:crypto";
import { GraphQLError } from "graphql";
import { z } from "zod";
import { ErrorCodes } from "../errors.js";
import type { DirectoryQuery } from "./filter.query.js";

const badAfter = (why: string) =>
  new GraphQLError(`after: ${why}`, {
    extensions: { code: ErrorCodes.BAD_USER_INPUT, field: "after" },
  });

/**
 * A connection cursor: where a page starts (LoginRadius's `next` cursor, or the search itself),
 * how many of that page's rows were already served, the page size, the total, and a digest of the
 * translated query, so a cursor replayed with another filter is refused. Opaque to callers
 * (base64url JSON); what is inside is not a secret: LoginRadius keeps the query behind `next`.
 */
const CursorSchema = z.object({
  q: z.string().length(22),
  at: z.string().max(2048).nullable(),
  skip: z.number().int().min(0).max(1000),
  size: z.number().int().min(1).max(1000),
  total: z.number().int().min(0).nullable(),
});
export type Cursor = z.infer<typeof CursorSchema>;

export const queryDigest = (q: DirectoryQuery): string =>
  createHash("sha256").update(JSON.stringify(q)).digest("base64url").slice(0, 22);

export const encodeCursor = (cursor: Cursor): string =>
  Buffer.from(JSON.stringify(cursor)).toString("base64url");

/** The cursor `after`, checked against this search's query: BAD_USER_INPUT otherwise. */
export const decodeCursor = (after: string, digest: string): Cursor => {
  let parsed: unknown;
  try {
    parsed = after.length <= 4096 ? JSON.parse(Buffer.from(after, "base64url").toString()) : null;
  } catch {
    parsed = null;
  }
  const cursor = CursorSchema.safeParse(parsed);
  if (!cursor.success) throw badAfter("is not a cursor this service issued.");
  if (cursor.data.q !== digest) throw badAfter("belongs to a search with another filter.");
  return cursor.data;
};
