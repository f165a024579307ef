import type { z } from "zod";
import type { CallInput, Endpoint, LoginRadiusHttp, RequestScope } from "./http.js";

/**
 * The adapter bound to one request's scope (`bindHttp`): what a section's client is made over,
 * so every call it makes carries the request's id, deadline, call count and span without the
 * client holding or passing the scope itself.
 */
export interface BoundHttp {
  call<S extends z.ZodType>(endpoint: Endpoint<S>, input?: CallInput): Promise<z.infer<S>>;
}

/** Binds the adapter to a scope, once per request (src/context.ts `connectSections`). */
export const bindHttp = (http: LoginRadiusHttp, scope: RequestScope): BoundHttp => ({
  call: (endpoint, input = {}) => http.call(endpoint, input, scope),
});
