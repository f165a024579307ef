import type { SliceEntry, SliceWriter, StoreSlice } from "../core/section.js";

/** A role as LoginRadius lists it: `Permissions` maps each permission name to `true`. */
export interface RoleRecord {
  Name: string;
  Permissions: Record<string, boolean>;
}

/** One role context of one account, as `GET /account/{uid}/rolecontext` lists it. */
export interface RoleContextRecord {
  Context: string;
  Roles: string[];
  AdditionalPermissions: string[];
  /** `2018-07-15T08:30:08Z`, or null for a context that never expires. */
  Expiration: string | null;
}

/**
 * A role context stored for a UID, stamped with the internal `ID` of the account it was written
 * for (null for seeded ones): a deleted account's contexts do not reappear on a new account that
 * happens to reuse its UID.
 */
export interface StoredRoleContext {
  owner: string | null;
  c: RoleContextRecord;
}

/** The roles slice's journal entries. */
export type RoleEntry =
  | { t: "role"; r: RoleRecord }
  | { t: "unrole"; name: string }
  | { t: "ctx"; uid: string; owner: string | null; c: RoleContextRecord }
  | { t: "unctx"; uid: string; name: string };

/**
 * The site's roles and every account's role contexts. Role assignment itself lives on the profile
 * (`Roles`, in the accounts slice), so profiles and `GET /account/{uid}/role` can never disagree.
 * Contexts are indexed by name too, so `GET /account/rolecontext/{name}` reads only the holders.
 */
export class RoleStore implements StoreSlice<RoleEntry> {
  private readonly roles = new Map<string, RoleRecord>();
  private readonly contexts = new Map<string, Map<string, StoredRoleContext>>();
  private readonly byContext = new Map<string, Set<string>>();

  constructor(
    private readonly seed: () => RoleEntry[],
    private readonly write: SliceWriter<RoleEntry>,
  ) {}

  role(name: string): RoleRecord | undefined {
    return this.roles.get(name);
  }

  list(): RoleRecord[] {
    return [...this.roles.values()];
  }

  putRole(role: RoleRecord): void {
    this.write({ t: "role", r: role });
  }

  deleteRole(name: string): void {
    this.write({ t: "unrole", name });
  }

  /** The stored contexts of a UID, in the order they were first written. */
  contextsOf(uid: string): StoredRoleContext[] {
    return [...(this.contexts.get(uid)?.values() ?? [])];
  }

  /** The UIDs holding a context of this name. */
  holders(contextName: string): string[] {
    return [...(this.byContext.get(contextName) ?? [])];
  }

  /** Whether any account's context lists this role. */
  roleInContexts(name: string): boolean {
    for (const byName of this.contexts.values())
      for (const { c } of byName.values()) if (c.Roles.includes(name)) return true;
    return false;
  }

  putContext(uid: string, owner: string | null, context: RoleContextRecord): void {
    this.write({ t: "ctx", uid, owner, c: context });
  }

  deleteContext(uid: string, name: string): void {
    this.write({ t: "unctx", uid, name });
  }

  counts(): Record<string, number> {
    let roleContexts = 0;
    for (const byName of this.contexts.values()) roleContexts += byName.size;
    return { roles: this.roles.size, roleContexts };
  }

  seedEntries(): Iterable<RoleEntry> {
    return this.seed();
  }

  *snapshot(): Generator<RoleEntry> {
    for (const r of this.roles.values()) yield { t: "role", r };
    for (const [uid, byName] of this.contexts)
      for (const { owner, c } of byName.values()) yield { t: "ctx", uid, owner, c };
  }

  clear(): void {
    this.roles.clear();
    this.contexts.clear();
    this.byContext.clear();
  }

  apply(entry: SliceEntry): void {
    const e = entry as RoleEntry;
    switch (e.t) {
      case "role":
        this.roles.set(e.r.Name, e.r);
        return;
      case "unrole":
        this.roles.delete(e.name);
        return;
      case "ctx":
        this.applyContext(e.uid, e.owner, e.c);
        return;
      case "unctx":
        this.contexts.get(e.uid)?.delete(e.name);
        if (this.contexts.get(e.uid)?.size === 0) this.contexts.delete(e.uid);
        this.byContext.get(e.name)?.delete(e.uid);
        if (this.byContext.get(e.name)?.size === 0) this.byContext.delete(e.name);
        return;
    }
  }

  private applyContext(uid: string, owner: string | null, c: RoleContextRecord): void {
    let byName = this.contexts.get(uid);
    if (!byName) {
      byName = new Map();
      this.contexts.set(uid, byName);
    }
    byName.set(c.Context, { owner, c });
    let uids = this.byContext.get(c.Context);
    if (!uids) {
      uids = new Set();
      this.byContext.set(c.Context, uids);
    }
    uids.add(uid);
  }
}
