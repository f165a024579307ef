/**
 * LoginRadius body key -> our input field, per section (`UserName` -> `userName`). A key absent
 * from every table is never named to clients. A list item's keys are written `Email[].Value`.
 */
export type FieldRenames = Readonly<Record<string, string>>;

/** Renames looked up in any casing: LoginRadius spells one key differently by endpoint. */
export const renameIndex = (renames: FieldRenames): ReadonlyMap<string, string> =>
  new Map(Object.entries(renames).map(([key, field]) => [key.toLowerCase(), field]));

/**
 * A LoginRadius `FieldName` (`Email[0].Value`) as our input field (`emails[0].value`), or
 * undefined when it maps to none of ours: upstream text is never passed on as is.
 */
export const inputFieldOf = (
  wireField: string,
  index: ReadonlyMap<string, string>,
): string | undefined => {
  const match = /^([A-Za-z]+)(.*)$/.exec(wireField);
  const wireRoot = match?.[1];
  const root = wireRoot ? index.get(wireRoot.toLowerCase()) : undefined;
  if (!wireRoot || !root) return undefined;
  const item = /^\[(\d{1,3})\]\.([A-Za-z]+)$/.exec(match?.[2] ?? "");
  const itemField = item ? index.get(`${wireRoot}[].${item[2]}`.toLowerCase()) : undefined;
  return item && itemField ? `${root}[${item[1]}].${itemField}` : root;
};
