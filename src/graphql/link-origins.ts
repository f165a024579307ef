import { registerDecorator, ValidationError } from "class-validator";

/**
 * Redirect targets (`resetPasswordUrl`, `verificationUrl`, ...) go into emails LoginRadius sends
 * in the company's name, so each must lie on an origin listed in ALLOWED_LINK_ORIGINS; with
 * none listed, such arguments are refused. `@LinkUrl()` marks a property: class-validator checks
 * the URL's shape, and `linkOriginProblems` (called by the schema's validateFn, which has the
 * configured origins) checks the origin.
 */
const LINK_PROPERTIES = new WeakMap<object, Set<string>>();

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https, or http to this machine only (local development, tests). */
export const isSecureUrl = (url: URL): boolean =>
  url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));

/** An absolute https URL (http only for loopback) without credentials in it. */
export const isLinkUrlShape = (value: string): boolean => {
  try {
    const url = new URL(value);
    return isSecureUrl(url) && url.username === "" && url.password === "";
  } catch {
    return false;
  }
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
        (typeof value === "string" && isLinkUrlShape(value)),
      defaultMessage: () =>
        `${propertyName} must be an absolute https URL (http only for localhost) without credentials`,
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
    return bare && isLinkUrlShape(url.href) ? url.origin : null;
  } catch {
    return null;
  }
};

/** class-validator errors for `@LinkUrl` values whose origin is not allowed (none: all fine). */
export const linkOriginProblems = (
  value: unknown,
  allowed: ReadonlySet<string>,
): ValidationError[] => {
  if (typeof value !== "object" || value === null) return [];
  const problems: ValidationError[] = [];
  for (const property of linkPropertiesOf(value)) {
    const link = (value as Record<string, unknown>)[property];
    if (typeof link !== "string" || !isLinkUrlShape(link)) continue;
    const origin = new URL(link).origin;
    if (allowed.has(origin)) continue;
    const problem = new ValidationError();
    problem.property = property;
    problem.children = [];
    problem.constraints = {
      linkOrigin:
        allowed.size === 0
          ? `${property} is refused: no link origins are allowed (set ALLOWED_LINK_ORIGINS)`
          : `${property} must be on an allowed origin (${[...allowed].join(", ")}); ${origin} is not`,
    };
    problems.push(problem);
  }
  return problems;
};
