import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

/** One log line of the service (pino JSON): `msg`, `level` and whatever facts it carries. */
// biome-ignore lint/suspicious/noExplicitAny: log lines are arbitrary JSON
export type LogLine = Record<string, any> & { msg: string; level: string };

/**
 * The JSON lines a child process writes on one of its streams, as they come. `next(pattern)`
 * resolves with the first line not yet taken whose `msg` matches (the test times out if none
 * does); `raw` keeps every line as written, JSON or not, for tests that check the format itself.
 */
export const jsonLines = (stream: Readable | null) => {
  const raw: string[] = [];
  const parsed: LogLine[] = [];
  const waiters: { pattern: RegExp; resolve: (line: LogLine) => void }[] = [];
  let taken = 0;
  const serve = () => {
    for (const waiter of [...waiters]) {
      const at = parsed.findIndex((l, i) => i >= taken && waiter.pattern.test(String(l.msg)));
      if (at < 0) continue;
      taken = at + 1;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(parsed[at] as LogLine);
    }
  };
  if (stream)
    createInterface({ input: stream }).on("line", (line) => {
      raw.push(line);
      try {
        parsed.push(JSON.parse(line) as LogLine);
      } catch {
        return; // kept in `raw`; npm's own lines in tests that go through `npm start`
      }
      serve();
    });
  return {
    raw,
    parsed,
    next: (pattern: RegExp = /./) =>
      new Promise<LogLine>((resolve) => {
        waiters.push({ pattern, resolve });
        serve();
      }),
  };
};

/** The `/graphql` URL in the service's "ready at" line. */
export const graphqlUrlOf = (line: LogLine): string =>
  /ready at (http:\/\/\S+?\/graphql)/.exec(line.msg)?.[1] as string;
