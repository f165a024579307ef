import {
  appendFileSync,
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";

/**
 * Owner read/write only: the journal holds every account's profile and password hash. A file
 * left by an older version with wider bits is replaced by the 0600 compaction at start.
 */
const FILE_MODE = 0o600;

/**
 * Optional persistence: an append-only JSON-lines journal. Every write is appended synchronously
 * before the response is sent, so a crash never loses an acknowledged write; on start the journal
 * is replayed and rewritten compacted (temp file + rename, so a crash mid-compaction loses nothing).
 * Every section's slice writes to the same file, its entries tagged with the section's name.
 */
/** One write of one section's store slice: `s` names the section, `t` the slice's own entry kind. */
export interface JournalEntry {
  /** The section; absent in journals written before sections existed (then: the first section). */
  s?: string;
  t: string;
  [key: string]: unknown;
}

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
    appendFileSync(path, `${JSON.stringify(entry)}\n`, { mode: FILE_MODE });
  },
  rewrite(entries) {
    const tmp = `${path}.tmp`;
    let text = "";
    for (const entry of entries) text += `${JSON.stringify(entry)}\n`;
    // A stale temp file (a crash mid-compaction) keeps its mode when rewritten, and a symlink
    // would be followed: remove it, then create it new with 0600 ("wx": never an existing file).
    rmSync(tmp, { force: true });
    writeFileSync(tmp, text, { mode: FILE_MODE, flag: "wx" });
    renameSync(tmp, path);
  },
});
