import type { BoundHttp } from "./bound-http.js";
import type { AnyRow, CallRow, ClientOf, EndpointTable } from "./endpoints.js";

type Method = (...args: unknown[]) => Promise<unknown>;
type Maker = (http: BoundHttp) => Method;

const send =
  (row: CallRow<unknown[]>): Maker =>
  (http) =>
  (...args) =>
    http.call(row.endpoint, row.input(...args));

const makerOf = (row: AnyRow): Maker | undefined => {
  if (row.kind === "call") return send(row as CallRow<unknown[]>);
  if (row.kind === "documented") return undefined;
  const chosen = row as unknown as {
    pick: (...args: unknown[]) => string;
    variants: Record<string, CallRow<unknown[]>>;
  };
  return (http) =>
    (...args) => {
      const call = chosen.variants[chosen.pick(...args)];
      if (!call) return Promise.reject(new Error("no endpoint for this variant"));
      return http.call(call.endpoint, call.input(...args));
    };
};

/** Each table's makers, read once: a client is made per request, its table never changes. */
const makers = new WeakMap<EndpointTable, [string, Maker][]>();

const makersOf = (table: EndpointTable): [string, Maker][] => {
  let list = makers.get(table);
  if (!list) {
    list = Object.entries(table.rows).flatMap(([name, row]): [string, Maker][] => {
      const maker = makerOf(row);
      return maker ? [[name, maker]] : [];
    });
    makers.set(table, list);
  }
  return list;
};

/**
 * The client a table describes, over the adapter as bound to one request (`bindHttp`: its id,
 * deadline and call count go with every call): each method turns its arguments into the row's
 * call input and sends the row's endpoint.
 */
export const clientOver = <T extends EndpointTable>(table: T, http: BoundHttp): ClientOf<T> => {
  const client: Record<string, Method> = {};
  for (const [name, make] of makersOf(table)) client[name] = make(http);
  return client as ClientOf<T>;
};
