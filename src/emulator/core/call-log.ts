/**
 * Every call the emulator received on the API paths: what tests and the benchmark count upstream
 * calls with. Query parameter names only (values can be emails or secrets), except `fields`,
 * which tests compare with the GraphQL selection. Never a credential.
 */
export interface CallRecord {
  seq: number;
  at: string;
  method: string;
  path: string;
  /** The matched route's name, `GET /identity/v2/manage/account/{uid}`, or null for no route. */
  route: string | null;
  query: string[];
  fields: string | null;
  status: number;
  fault: string | null;
  /** API calls in progress when this one arrived, itself included: what a concurrency cap shows in. */
  concurrent: number;
  /** Body bytes of the answer (its Content-Length), null until one is sent: what the benchmark sums. */
  bytes: number | null;
}

const LIMIT = 20_000;

export class CallLog {
  private records: CallRecord[] = [];
  private seq = 0;
  private inFlight = 0;

  /** Records a call; `end()` must follow once its response is finished or abandoned. */
  start(
    entry: Omit<CallRecord, "seq" | "at" | "status" | "fault" | "concurrent" | "bytes">,
    now: Date,
  ): CallRecord {
    this.inFlight++;
    const record: CallRecord = {
      ...entry,
      seq: ++this.seq,
      at: now.toISOString(),
      status: 0,
      fault: null,
      concurrent: this.inFlight,
      bytes: null,
    };
    this.records.push(record);
    // Bounded so a long benchmark cannot grow memory without limit: keep the newest half.
    if (this.records.length > LIMIT) this.records = this.records.slice(LIMIT / 2);
    return record;
  }

  end(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  list(): CallRecord[] {
    return this.records;
  }

  clear(): void {
    this.records = [];
  }
}
