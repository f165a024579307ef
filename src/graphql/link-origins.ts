import { registerDecorator, ValidationError } from "class-validator";

/**
 * Redirect targets (`resetPasswordUrl`, `verificationUrl`, ...) go into emails LoginRadius sends
 * in the company's name, so each must lie on an origin listed in ALLOWED_LINK_ORIGINS; with
 * none listed, such arguments are refused. `@LinkUrl()` marks a property: class-validator checks
 * that the value is already a canonical URL, and `checkLinks` (called by the schema's
 * validateFn, which has the configured origins) checks the origin and puts the canonical `href`
 * in place of the value, so that what goes upstream is the string that was checked.
 */
const LINK_PROPERTIES = new WeakMap<object, Set<string>>();

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https, or http to this machine only (local development, tests). */
export const isSecureUrl = (url: URL): boolean =>
  url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));

/**
 * Anything a URL parser strips, skips or rewrites silently: C0/C1 controls (CR, LF, NUL, tab),
 * every Unicode space, and format characters (zero-width, bidi overrides). WHATWG URL drops a
 * leading space or an embedded LF and then reads a different string than LoginRadius, a mail
 * client or a log does.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\s]/u;

/** Where the authority ends in a URL that starts with `scheme://`. */
const authorityEnd = (text: string, from: number): number => {
  const end = text.slice(from).search(/[/?#]/);
  return end < 0 ? text.length : from + end;
};

/**
 * The canonical form of a link URL, or why it is refused. A value passes only if it is already
 * what `new URL(value).href` writes, but for two rewrites that change nothing a reader sees: the
 * host's letter case and the `/` of an empty path. Everything WHATWG URL would repair is refused
 * instead: `\` read as `/` (`https://allowed\@evil/`), `https:host` and `https:/host`, dropped
 * spaces and line breaks, `.`/`..` segments, default ports, percent-encoding it would add,
 * IDN hosts it would turn to punycode, numeric hosts it would turn to dotted quads.
 */
export const canonicalLink = (value: string): { href: string } | { problem: string } => {
  if (INVISIBLE.test(value))
    return { problem: "must not contain spaces, line breaks or other control characters" };
  if (value.includes("\\")) return { problem: "must not contain a backslash" };
  const scheme = /^(https?):\/\//.exec(value);
  if (!scheme) return { problem: "must start with https://" };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: "must be an absolute URL" };
  }
  const start = scheme[0].length;
  const end = authorityEnd(value, start);
  if (url.username !== "" || url.password !== "" || value.slice(start, end).includes("@"))
    return { problem: "must not contain credentials (user@)" };
  if (!isSecureUrl(url)) return { problem: "must use https (http only for localhost)" };
  const rest = value.slice(end);
  const written = `${url.protocol}//${value.slice(start, end).toLowerCase()}`;
  const expected = `${written}${rest.startsWith("/") ? rest : `/${rest}`}`;
  if (written !== `${url.protocol}//${url.host}` || url.href !== expected)
    return {
      problem:
        "must be written in canonical form (percent-encoded, ASCII host, no default port, no . or .. segments)",
    };
  return { href: url.href };
};

export const LinkUrl = () => (target: object, propertyName: string) => {
  const set = LINK_PROPERTIES.get(target) ?? new Set<string>();
  set.add(propertyName);
  LINK_PROPERTIES.set(target, set);
  registerDecorator({
    name: "linkUrl",
    target: target.constructor,
    propertyName,
    validator: {
      validate: (value: unknown) =>
        value === null ||
        value === undefined ||
        (typeof value === "string" && "href" in canonicalLink(value)),
      defaultMessage: (args) => {
        const value: unknown = args?.value;
        const found = typeof value === "string" ? canonicalLink(value) : null;
        return found && "problem" in found
          ? `${propertyName} ${found.problem}`
          : `${propertyName} must be an absolute https URL`;
      },
    },
  });
};

/** Every `@LinkUrl` property of an object's class, inherited ones included. */
const linkPropertiesOf = (value: object): string[] => {
  const names: string[] = [];
  for (let proto = Object.getPrototypeOf(value); proto; proto = Object.getPrototypeOf(proto))
    names.push(...(LINK_PROPERTIES.get(proto) ?? []));
  return names;
};

/** Normalises a configured origin; null when it is not a bare http(s) origin. */
export const parseOrigin = (text: string): string | null => {
  try {
    const url = new URL(text);
    const bare =
      url.pathname === "/" && url.search === "" && url.hash === "" && url.username === "";
    return bare && url.password === "" && isSecureUrl(url) ? url.origin : null;
  } catch {
    return null;
  }
};

const originProblem = (property: string, origin: string, allowed: ReadonlySet<string>) => {
  const problem = new ValidationError();
  problem.property = property;
  problem.children = [];
  problem.constraints = {
    linkOrigin:
      allowed.size === 0
        ? `${property} is refused: no link origins are allowed (set ALLOWED_LINK_ORIGINS)`
        : `${property} must be on an allowed origin (${[...allowed].join(", ")}); ${origin} is not`,
  };
  return problem;
};

/**
 * The origin check of an args or input object's `@LinkUrl` values, after class-validator has
 * checked their form: errors for those off the allowed origins (none: all fine). Each value
 * that passes is replaced by its canonical `href` on the object the resolver receives, so the
 * string sent upstream is the one checked here, byte for byte. Values class-validator refused
 * are skipped: their error is already reported.
 */
export const checkLinks = (value: unknown, allowed: ReadonlySet<string>): ValidationError[] => {
  if (typeof value !== "object" || value === null) return [];
  const problems: ValidationError[] = [];
  const record = value as Record<string, unknown>;
  for (const property of linkPropertiesOf(value)) {
    const link = record[property];
    if (typeof link !== "string") continue;
    const found = canonicalLink(link);
    if (!("href" in found)) continue;
    const origin = new URL(found.href).origin;
    if (allowed.has(origin)) record[property] = found.href;
    else problems.push(originProblem(property, origin, allowed));
  }
  return problems;
};
