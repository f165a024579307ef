import type { Route } from "./request.js";

interface Compiled {
  route: Route;
  regex: RegExp;
  names: string[];
}

export type Match =
  | { kind: "found"; route: Route; params: Record<string, string> }
  | { kind: "wrong-method"; allowed: string[] }
  | { kind: "none" };

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Matches request paths against the documented templates. Literal segments match in any casing
 * (the docs and SDKs disagree: `2fa`/`2FA`, `phoneid`/`PhoneId`); parameters keep their case and
 * are URL-decoded, so `..%2Frole` stays one segment's value and never becomes another path.
 */
export const createRouter = (routes: Route[]) => {
  const compiled: Compiled[] = routes.map((route): Compiled => {
    const names: string[] = [];
    const source = route.path
      .split("/")
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment);
        if (!param) return escapeRegex(segment);
        names.push(param[1] as string);
        return "([^/]+)";
      })
      .join("/");
    return { route, names, regex: new RegExp(`^${source}/?$`, "i") };
  });
  // Literal segments win over parameters, left to right (`/account/identities` is not the account
  // `identities`; `/account/rolecontext/role` is the context `role`, not the roles of the account
  // `rolecontext`), whatever order the sections list their routes in; the sort is stable otherwise.
  const shape = (path: string): string =>
    path
      .split("/")
      .map((segment) => (/^\{\w+\}$/.test(segment) ? "1" : "0"))
      .join("");
  compiled.sort((a, b) => {
    const [x, y] = [shape(a.route.path), shape(b.route.path)];
    return x < y ? -1 : x > y ? 1 : 0;
  });

  return (method: string, path: string): Match => {
    const allowed: string[] = [];
    for (const { route, regex, names } of compiled) {
      const m = regex.exec(path);
      if (!m) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      try {
        names.forEach((name, i) => {
          params[name] = decodeURIComponent(m[i + 1] as string);
        });
      } catch {
        continue;
      }
      return { kind: "found", route, params };
    }
    return allowed.length > 0 ? { kind: "wrong-method", allowed } : { kind: "none" };
  };
};

/** The name the call log and fault rules use for a route: `GET /identity/.../{uid}`. */
export const routeName = (route: Route): string => `${route.method} ${route.path}`;
