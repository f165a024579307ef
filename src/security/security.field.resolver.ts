import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Account } from "../accounts/index.js";
import { toConsentLogs, toPasskeys } from "./security.mapper.js";
import type { SecurityContext } from "./security.repository.js";
import { Policy } from "./security.scopes.js";
import { ConsentLog, Passkey } from "./security.type.js";

/**
 * The Account Security reads on `Account`, each its own upstream call, made only when selected
 * and at most once per account per request.
 */
@Resolver(() => Account)
export class SecurityAccountFieldResolver {
  @FieldResolver(() => [String], {
    nullable: true,
    description:
      "The account's ten backup codes; treat them as passwords. LoginRadius shows codes once: the first read mints them, every later read fails with FAILED_PRECONDITION (use `resetBackupCodes` for new ones). Costs its own upstream call; audited.",
  })
  @Policy({
    scope: "accounts:credentials",
    cost: { perParent: true },
    sideEffect: "mints backup codes (the first read)",
    audit: "secret-read",
  })
  async backupCodes(@Root() account: Account, @Ctx() ctx: SecurityContext): Promise<string[]> {
    return (await ctx.security.backupCodes(account.uid)).BackUpCodes;
  }

  @FieldResolver(() => [Passkey], {
    nullable: true,
    description: "The passkeys registered on the account. Costs its own upstream call.",
  })
  @Policy({ scope: "accounts:security", cost: { perParent: true } })
  async passkeys(@Root() account: Account, @Ctx() ctx: SecurityContext): Promise<Passkey[]> {
    return toPasskeys(await ctx.security.passkeys(account.uid));
  }

  @FieldResolver(() => [ConsentLog], {
    nullable: true,
    description:
      "The account's consent log, oldest first: what was consented to, when, from where. Costs its own upstream call.",
  })
  @Policy({ scope: "accounts:security", cost: { perParent: true } })
  async consentLogs(@Root() account: Account, @Ctx() ctx: SecurityContext): Promise<ConsentLog[]> {
    return toConsentLogs(await ctx.security.consentLogs(account.uid));
  }
}
