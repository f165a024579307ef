import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
  type SelectionSetNode,
} from "graphql";

/**
 * Field selection pushdown: the LoginRadius keys an Account selection needs, sent as `fields`
 * so LoginRadius sends only what was asked. The keys the loaders index by are always included.
 */
export const KEY_FIELDS = ["Uid", "Email", "PhoneId", "UserName"] as const;

/** Account field -> LoginRadius keys. Fields resolved by their own call need none. */
export const ACCOUNT_FIELD_KEYS: Record<string, readonly string[]> = {
  uid: ["Uid"],
  emails: ["Email"],
  primaryEmail: ["Email"],
  emailVerified: ["EmailVerified"],
  phone: ["PhoneId"],
  phoneVerified: ["PhoneIdVerified"],
  userName: ["UserName"],
  prefix: ["Prefix"],
  firstName: ["FirstName"],
  middleName: ["MiddleName"],
  lastName: ["LastName"],
  suffix: ["Suffix"],
  fullName: ["FullName"],
  nickName: ["NickName"],
  birthDate: ["BirthDate"],
  gender: ["Gender"],
  company: ["Company"],
  city: ["City"],
  country: ["Country"],
  customFields: ["CustomFields"],
  roles: ["Roles"],
  identities: ["Identities"],
  provider: ["Provider"],
  registrationSource: ["RegistrationSource"],
  isActive: ["IsActive"],
  isDeleted: ["IsDeleted"],
  isLoginLocked: ["IsLoginLocked"],
  isCustomUid: ["IsCustomUid"],
  loginCount: ["NoOfLogins"],
  createdAt: ["CreatedDate"],
  modifiedAt: ["ModifiedDate"],
  lastLoginAt: ["LastLoginDate"],
  lastPasswordChangeAt: ["LastPasswordChangeDate"],
  previousUids: ["PreviousUids"],
  privacyPolicy: ["PrivacyPolicy"],
  passwordHash: [],
  privacyPolicyHistory: [],
};

/** A set of LoginRadius keys; compare and send with `fieldsParam`. */
export type KeySet = ReadonlySet<string>;

const collect = (
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  out: Set<string>,
): void => {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) out.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      collect(selection.selectionSet, fragments, out);
    else collect(fragments[selection.name.value]?.selectionSet, fragments, out);
  }
};

/** The sub-selection of `path` (e.g. `["account"]` inside a payload) under each node. */
const descend = (
  nodes: readonly FieldNode[],
  path: readonly string[],
  fragments: Record<string, FragmentDefinitionNode>,
): FieldNode[] => {
  let current: FieldNode[] = [...nodes];
  for (const name of path) {
    const next: FieldNode[] = [];
    const visit = (set: SelectionSetNode | undefined) => {
      for (const s of set?.selections ?? []) {
        if (s.kind === Kind.FIELD && s.name.value === name) next.push(s);
        else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
        else if (s.kind === Kind.FRAGMENT_SPREAD) visit(fragments[s.name.value]?.selectionSet);
      }
    };
    for (const node of current) visit(node.selectionSet);
    current = next;
  }
  return current;
};

/** The LoginRadius keys the Account selection under this field (or under `path` inside it) needs. */
export const accountKeys = (info: GraphQLResolveInfo, path: readonly string[] = []): KeySet => {
  const names = new Set<string>();
  for (const node of descend(info.fieldNodes, path, info.fragments))
    collect(node.selectionSet, info.fragments, names);
  const keys = new Set<string>(KEY_FIELDS);
  for (const name of names) for (const key of ACCOUNT_FIELD_KEYS[name] ?? []) keys.add(key);
  return keys;
};

/** The `fields` value for a key set: sorted, so the same selection always sends the same text. */
export const fieldsParam = (keys: KeySet): string => [...keys].sort().join(",");
