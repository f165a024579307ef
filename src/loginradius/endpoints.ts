import type { z } from "zod";
import type { Endpoint, HttpMethod } from "./http.js";

/**
 * The row maker of a section's endpoint table, for paths under one documented base
 * (`/identity/v2/manage/account`): method, path, whether a repeat is harmless, answer schema,
 * and for a call not safe to repeat, what to check before repeating it when its outcome is
 * unknown (`Endpoint.checkFirst`).
 */
export const endpointsUnder =
  (base: string) =>
  <S extends z.ZodType>(
    method: HttpMethod,
    path: string,
    retry: boolean,
    schema: S,
    checkFirst?: string,
  ): Endpoint<S> => ({
    method,
    path: `${base}${path}`,
    retry,
    schema,
    ...(checkFirst === undefined ? {} : { checkFirst }),
  });
