import type { WireProfile } from "../accounts/index.js";
import { ErrorCodes, userError } from "../errors.js";
import type { BulkReads, ProfileChanges, RequestContext } from "../graphql/section.js";
import { createBulkUidReads } from "./bulk-uid-reads.js";
import type { DirectoryQuery } from "./filter.query.js";
import { type SearchClient, searchWindow } from "./search.client.js";
import { type Cursor, decodeCursor, encodeCursor, queryDigest } from "./search.cursor.js";

export interface FoundPage {
  rows: { cursor: string; profile: WireProfile }[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number | null;
}

/**
 * The search section's door to the Cloud Directory within a request: pages of a search, and the
 * bulk UID reads the Accounts loader asks for.
 */
export class SearchRepository {
  readonly bulk: BulkReads<WireProfile>;

  constructor(
    private readonly client: SearchClient,
    profiles?: ProfileChanges,
  ) {
    this.bulk = createBulkUidReads(client, profiles);
  }

  /**
   * One page: the search itself, or the page a cursor points into (LoginRadius's `next`, and how
   * many of its rows were served already). `first` must stay what the search began with: a
   * LoginRadius cursor keeps its page size.
   */
  async page(q: DirectoryQuery, first: number, after: string | null | undefined, fields: string) {
    const digest = queryDigest(q);
    const from = after == null ? undefined : decodeCursor(after, digest);
    if (from && from.size !== first)
      throw userError(
        ErrorCodes.BAD_USER_INPUT,
        `first: this search pages by ${from.size}; keep first at ${from.size}.`,
        "first",
      );
    const answer = from?.at
      ? await this.client.next(from.at, fields)
      : await this.client.search({ ...searchWindow(), q, size: first }, fields);
    const total = answer.total ?? from?.total ?? null;
    const skip = from?.skip ?? 0;
    const at = from?.at ?? null;
    const next: Cursor | null = answer.next
      ? { q: digest, at: answer.next, skip: 0, size: first, total }
      : null;
    const rows = answer.data.slice(skip).map((profile, i, all) => ({
      cursor: encodeCursor(
        next && i === all.length - 1
          ? next
          : { q: digest, at, skip: skip + i + 1, size: first, total },
      ),
      profile,
    }));
    return {
      rows,
      hasNextPage: next !== null,
      endCursor: next ? encodeCursor(next) : (rows.at(-1)?.cursor ?? null),
      totalCount: total,
    } satisfies FoundPage;
  }
}

export interface SearchSlice {
  search: SearchRepository;
}

export type SearchContext = RequestContext & SearchSlice;
