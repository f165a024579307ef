import type { Journal, JournalEntry } from "./journal.js";
import type {
  EmulatedSection,
  SectionOptions,
  SliceEntry,
  StoreSlice,
  WriteOrigin,
} from "./section.js";

/**
 * Every section's store slice behind one journal. Writes are tagged with the section's name;
 * replay sends each entry back to its slice; a reset (or an empty journal) loads every seed and
 * rewrites the journal compacted.
 */
export class Storage {
  readonly slices = new Map<string, StoreSlice>();
  private readonly observers: StoreSlice[] = [];
  private origin: WriteOrigin | null = null;

  constructor(
    sections: readonly EmulatedSection[],
    options: SectionOptions,
    private readonly journal?: Journal,
  ) {
    for (const section of sections) {
      const write = (entry: SliceEntry) => this.write(section.name, entry);
      this.slices.set(section.name, section.createStore(write, options));
    }
    for (const slice of this.slices.values()) if (slice.observe) this.observers.push(slice);
    this.load(sections[0]?.name);
  }

  /** `{ accounts: 60, ... }` over every slice. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const slice of this.slices.values()) Object.assign(out, slice.counts());
    return out;
  }

  /** Back to the seed data; with a journal, the journal is rewritten to match. */
  reset(): void {
    for (const slice of this.slices.values()) {
      slice.clear();
      for (const entry of slice.seedEntries()) slice.apply(entry);
    }
    this.journal?.rewrite(this.snapshot());
  }

  /**
   * Untagged entries come from journals older than sections: they belong to the first section. A
   * section the journal never mentions was added after the file was written: it gets its seed
   * (every snapshot names each slice, so a slice emptied on purpose stays empty).
   */
  private load(legacy: string | undefined): void {
    const entries = this.journal?.load() ?? [];
    if (entries.length === 0) {
      this.reset();
      return;
    }
    const seen = new Set<string>();
    for (const { s, ...entry } of entries) {
      if (entry.t === "clear" && s === undefined) {
        for (const slice of this.slices.values()) slice.clear();
        continue;
      }
      seen.add(s ?? legacy ?? "");
      this.slices.get(s ?? legacy ?? "")?.apply(entry as SliceEntry);
    }
    for (const [s, slice] of this.slices)
      if (!seen.has(s)) for (const entry of slice.seedEntries()) slice.apply(entry);
    this.journal?.rewrite(this.snapshot());
  }

  /** `{s, t: "slice"}` marks each slice present (slices ignore kinds they do not know). */
  private *snapshot(): Generator<JournalEntry> {
    yield { t: "clear" };
    for (const [s, slice] of this.slices) {
      yield { s, t: "slice" };
      for (const entry of slice.snapshot()) yield { s, ...entry };
    }
  }

  /** Runs `work` (a route's handler: synchronous) with its writes attributed to `origin`. */
  during<T>(origin: WriteOrigin, work: () => T): T {
    const outer = this.origin;
    this.origin = origin;
    try {
      return work();
    } finally {
      this.origin = outer;
    }
  }

  /** Journal first, observers (which see the state before), then memory. */
  private write(section: string, entry: SliceEntry): void {
    this.journal?.append({ s: section, ...entry });
    for (const observer of this.observers)
      observer.observe?.({ section, entry, slices: this.slices, origin: this.origin });
    this.slices.get(section)?.apply(entry);
  }
}
