/**
 * The `fields` projection LoginRadius applies to responses: `a,b` picks keys, `a(b,c)` picks keys
 * of `a`, `a/b` picks a nested path, `*` keeps everything. Arrays are projected element-wise.
 * Key names match case-insensitively and unknown names are ignored (both UNCONFIRMED upstream;
 * see the emulator README).
 */

/** A parsed selection: `"*"` keeps the whole value, otherwise the selected keys (lower-cased). */
export type Selection = "*" | Map<string, Selection>;

const merge = (into: Map<string, Selection>, key: string, sel: Selection): void => {
  const existing = into.get(key);
  if (existing === undefined) into.set(key, sel);
  else if (existing === "*" || sel === "*") into.set(key, "*");
  else for (const [k, v] of sel) merge(existing, k, v);
};

/** Splits on commas that are not inside parentheses. */
const splitTopLevel = (text: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (ch === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
};

/** Parses a `fields` value; returns undefined for "not given" (empty) so callers skip projection. */
export const parseFields = (spec: string | undefined): Selection | undefined => {
  if (spec === undefined || spec.trim() === "") return undefined;
  return parseList(spec);
};

const parseList = (text: string): Selection => {
  const root = new Map<string, Selection>();
  for (const item of splitTopLevel(text)) {
    if (item === "*") return "*";
    const open = item.indexOf("(");
    const pathText = open === -1 ? item : item.slice(0, open);
    const close = item.lastIndexOf(")");
    const inner =
      open === -1 ? "*" : parseList(item.slice(open + 1, close > open ? close : undefined));
    const path = pathText
      .split("/")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    if (path.length === 0) continue;
    let sel: Selection = inner;
    for (let i = path.length - 1; i > 0; i--) sel = new Map([[path[i] as string, sel]]);
    merge(root, path[0] as string, sel);
  }
  return root;
};

/** Applies a selection to a JSON value. */
export const project = (value: unknown, sel: Selection): unknown => {
  if (sel === "*" || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => project(item, sel));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const picked = sel.get(key.toLowerCase());
    if (picked !== undefined) out[key] = project(child, picked);
  }
  return out;
};
