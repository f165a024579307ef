import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

/**
 * Optional persistence: an append-only JSON-lines journal. Every write is appended synchronously
 * before the response is sent, so a crash never loses an acknowledged write; on start the journal
 * is replayed and rewritten compacted (temp file + rename, so a crash mid-compaction loses nothing).
 */
export type JournalEntry =
  | { t: "put"; r: Record<string, unknown> }
  | { t: "del"; uid: string }
  | { t: "token"; token: string; uid: string }
  | { t: "revoke"; token: string }
  | { t: "clear" };

export interface Journal {
  readonly path: string;
  /** Entries in the order they were written; an unfinished last line (a crash mid-append) is skipped. */
  load(): JournalEntry[];
  append(entry: JournalEntry): void;
  rewrite(entries: Iterable<JournalEntry>): void;
}

export const openJournal = (path: string): Journal => ({
  path,
  load() {
    if (!existsSync(path)) return [];
    const entries: JournalEntry[] = [];
    for (const line of readFileSync(path, "utf8").split("\n")) {
      if (line.trim() === "") continue;
      try {
        entries.push(JSON.parse(line) as JournalEntry);
      } catch {
        // Only the last line can be torn; anything after it was never acknowledged.
        break;
      }
    }
    return entries;
  },
  append(entry) {
    appendFileSync(path, `${JSON.stringify(entry)}\n`);
  },
  rewrite(entries) {
    const tmp = `${path}.tmp`;
    let text = "";
    for (const entry of entries) text += `${JSON.stringify(entry)}\n`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  },
});
