import type DataLoader from "dataloader";
import { perKeyLoader } from "../graphql/per-key-loader.js";
import type { ProfileChanges, RequestContext } from "../graphql/section.js";
import type { BatchSizes } from "../graphql/selective-loader.js";
import { orWhenRejected } from "../loginradius/upstream-error.js";
import type { RolesClient } from "./roles.client.js";
import type {
  WireAccountRoles,
  WireContextHolder,
  WireDeleted,
  WireRole,
  WireRoleBody,
  WireRoleContext,
  WireRoleContextBody,
} from "./roles.wire.js";

/** An account that does not exist has no contexts: a field on it reads [], not an error. */
const emptyIfNoAccount = <T>(call: Promise<T[]>): Promise<T[]> => orWhenRejected(call, [938], []);

/**
 * The Roles section's one door to LoginRadius within a request. Reads go through per-request
 * loaders (the role list once, each account's contexts once, each context's members once); every
 * write goes through here and forgets what it changed. Returns wire values.
 */
export class RoleRepository {
  private readonly roleList: DataLoader<"all", WireRole[]>;
  private readonly contexts: DataLoader<string, WireRoleContext[]>;
  private readonly members: DataLoader<string, WireContextHolder[]>;

  constructor(
    private readonly client: RolesClient,
    sizes?: BatchSizes,
    private readonly profiles?: ProfileChanges,
  ) {
    this.roleList = perKeyLoader("roles", async () => (await client.listRoles()).data ?? [], sizes);
    this.contexts = perKeyLoader(
      "roleContexts",
      (uid) => emptyIfNoAccount(client.roleContexts(uid).then((w) => w.Data ?? [])),
      sizes,
    );
    this.members = perKeyLoader(
      "roleContextMembers",
      async (c) => (await client.accountsInRoleContext(c)).Data,
      sizes,
    );
  }

  roles(): Promise<WireRole[]> {
    return this.roleList.load("all");
  }

  roleContexts(uid: string): Promise<WireRoleContext[]> {
    return this.contexts.load(uid);
  }

  accountsInRoleContext(context: string): Promise<WireContextHolder[]> {
    return this.members.load(context);
  }

  async createRoles(roles: WireRoleBody[]): Promise<WireRole[]> {
    const created = await this.client.createRoles(roles);
    this.roleList.clearAll();
    return created.data ?? [];
  }

  async deleteRole(name: string): Promise<WireDeleted> {
    const deleted = await this.client.deleteRole(name);
    this.roleList.clearAll();
    return deleted;
  }

  addPermissions(name: string, permissions: string[]): Promise<WireRole> {
    return this.catalogWrite(this.client.addPermissions(name, permissions));
  }

  removePermissions(name: string, permissions: string[]): Promise<WireRole> {
    return this.catalogWrite(this.client.removePermissions(name, permissions));
  }

  /**
   * Changes the profile's `Roles`: whoever caches profiles in this request is told, and so is the
   * record of recent writes (search), also when the outcome is unknown (a failure may have acted).
   */
  async assignRoles(uid: string, roles: string[]): Promise<WireAccountRoles> {
    try {
      return await this.client.assignRoles(uid, roles);
    } finally {
      this.profiles?.changed(uid);
    }
  }

  async unassignRoles(uid: string, roles: string[]): Promise<WireDeleted> {
    try {
      return await this.client.unassignRoles(uid, roles);
    } finally {
      this.profiles?.changed(uid);
    }
  }

  /** The answer lists every context the account now holds: it becomes what the request knows. */
  async upsertRoleContexts(uid: string, contexts: WireRoleContextBody[]) {
    const answer = await this.contextWrite(uid, this.client.upsertRoleContexts(uid, contexts));
    const all = answer.Data ?? [];
    this.contexts.prime(uid, all);
    return all;
  }

  deleteRoleContext(uid: string, context: string): Promise<WireDeleted> {
    return this.contextWrite(uid, this.client.deleteRoleContext(uid, context));
  }

  removeRolesFromContext(uid: string, context: string, roles: string[]): Promise<WireDeleted> {
    return this.contextWrite(uid, this.client.removeRolesFromContext(uid, context, roles));
  }

  removePermissionsFromContext(uid: string, context: string, permissions: string[]) {
    return this.contextWrite(
      uid,
      this.client.removePermissionsFromContext(uid, context, permissions),
    );
  }

  private async catalogWrite(write: Promise<WireRole>): Promise<WireRole> {
    const role = await write;
    this.roleList.clearAll();
    return role;
  }

  /** A write to an account's contexts: its contexts, and every member list, are stale. */
  private async contextWrite<T>(uid: string, write: Promise<T>): Promise<T> {
    const result = await write;
    this.contexts.clear(uid);
    this.members.clearAll();
    return result;
  }
}

/** The Roles section's slice of the request context. */
export interface RolesSlice {
  roles: RoleRepository;
}

/** What the Roles resolvers see: the request, and this section's slice. */
export type RolesContext = RequestContext & RolesSlice;
