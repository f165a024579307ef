import type DataLoader from "dataloader";
import { perKeyLoader } from "../graphql/per-key-loader.js";
import type { RequestContext } from "../graphql/section.js";
import type { BatchSizes } from "../graphql/selective-loader.js";
import { orWhenRejected } from "../loginradius/upstream-error.js";
import type { CustomObjectsClient } from "./custom-objects.client.js";
import type { WireDeleted, WireRecord, WireUpdateType } from "./custom-objects.wire.js";

/** 938 (no account) and 1057 (no such record): a read that finds nothing, not an error. */
const NOT_FOUND_CODES = [938, 1057];
const orNothing = <T>(call: Promise<T>, nothing: T): Promise<T> =>
  orWhenRejected(call, NOT_FOUND_CODES, nothing);

/** Loader keys: `uid \n objectName` for a list, plus `\n recordId` for one record. */
const SEP = "\n";
const listKey = (uid: string, objectName: string) => `${uid}${SEP}${objectName}`;
const recordKey = (uid: string, objectName: string, id: string) =>
  `${listKey(uid, objectName)}${SEP}${id}`;
const split = (key: string) => key.split(SEP) as [string, string, string];

/**
 * The Custom Objects section's one door to LoginRadius within a request: each account's records
 * of each object are read once (and prime the one-record loader), each record once; every write
 * goes through here and forgets everything cached about that account's records.
 */
export class CustomObjectRepository {
  private readonly lists: DataLoader<string, WireRecord[]>;
  private readonly records: DataLoader<string, WireRecord | null>;
  /** Every key loaded or primed, so a write can forget all of one account's. */
  private readonly known = new Set<string>();

  constructor(
    private readonly client: CustomObjectsClient,
    sizes?: BatchSizes,
  ) {
    this.lists = perKeyLoader(
      "customObjects",
      async (key) => {
        const [uid, objectName] = split(key);
        const found = await orNothing(client.list(uid, objectName), { data: [] });
        const records = found.data ?? [];
        for (const r of records) this.prime(recordKey(uid, objectName, r.Id), r);
        return records;
      },
      sizes,
    );
    this.records = perKeyLoader(
      "customObjectRecord",
      (key) => {
        const [uid, objectName, id] = split(key);
        return orNothing<WireRecord | null>(client.get(uid, objectName, id), null);
      },
      sizes,
    );
  }

  /** The account's records of one object; [] when it has none (or no such account). */
  list(uid: string, objectName: string): Promise<WireRecord[]> {
    const key = listKey(uid, objectName);
    this.known.add(key);
    return this.lists.load(key);
  }

  /** One record, or null when the account has no such record (or there is no such account). */
  get(uid: string, objectName: string, recordId: string): Promise<WireRecord | null> {
    const key = recordKey(uid, objectName, recordId);
    this.known.add(key);
    return this.records.load(key);
  }

  async create(uid: string, objectName: string, data: Record<string, unknown>) {
    const record = await this.client.create(uid, objectName, data);
    this.forget(uid);
    this.prime(recordKey(uid, objectName, record.Id), record);
    return record;
  }

  async update(
    uid: string,
    objectName: string,
    recordId: string,
    data: Record<string, unknown>,
    updateType: WireUpdateType,
  ): Promise<WireRecord> {
    const record = await this.client.update(uid, objectName, recordId, data, updateType);
    this.forget(uid);
    this.prime(recordKey(uid, objectName, recordId), record);
    return record;
  }

  async delete(uid: string, objectName: string, recordId: string): Promise<WireDeleted> {
    const deleted = await this.client.delete(uid, objectName, recordId);
    this.forget(uid);
    return deleted;
  }

  private prime(key: string, record: WireRecord): void {
    this.known.add(key);
    this.records.clear(key).prime(key, record);
  }

  /** After a write to the account: none of its lists or records may be served again. */
  private forget(uid: string): void {
    for (const key of this.known)
      if (key.startsWith(`${uid}${SEP}`)) {
        this.lists.clear(key);
        this.records.clear(key);
        this.known.delete(key);
      }
  }
}

/** The Custom Objects section's slice of the request context. */
export interface CustomObjectsSlice {
  customObjects: CustomObjectRepository;
}

/** What the Custom Objects resolvers see: the request, and this section's slice. */
export type CustomObjectsContext = RequestContext & CustomObjectsSlice;
