import type { ServerResponse } from "node:http";
import type { CallRecord } from "./call-log.js";

/**
 * The emulator's one JSON answer: the body with its length, and, for an API call, that length
 * noted in the call record (the benchmark sums it per operation), whether a route or a fault
 * answered.
 */
export const answer = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  call?: CallRecord,
): void => {
  const text = JSON.stringify(body);
  const bytes = Buffer.byteLength(text);
  if (call) call.bytes = bytes;
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": bytes,
    ...headers,
  });
  res.end(text);
};
