import { type ApolloServerPlugin, type GraphQLResponse, HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import { ErrorCodes } from "../../errors.js";
import type { RequestContext } from "../section.js";

/** Operations of one caller that may wait for a slot; beyond, they are refused at once. */
export const MAX_WAITING_PER_CALLER = 64;

interface Queue {
  running: number;
  waiting: (() => void)[];
}

/**
 * At most `max` operations per caller run at once; the others wait their turn in order, costing
 * no CPU while they wait. Node runs one operation's synchronous work at a time, so this is what
 * keeps a caller with many connections from interleaving many operations (or refusals) with
 * every step of another caller's one. Holds state only for callers with an operation in flight.
 */
export class CallerSlots {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly max: number,
    private readonly maxWaiting = MAX_WAITING_PER_CALLER,
  ) {}

  /** A release function once a slot is free; null at once when too many already wait. */
  async acquire(caller: string): Promise<(() => void) | null> {
    let queue = this.queues.get(caller);
    if (!queue) {
      queue = { running: 0, waiting: [] };
      this.queues.set(caller, queue);
    }
    if (queue.running >= this.max) {
      if (queue.waiting.length >= this.maxWaiting) return null;
      await new Promise<void>((resolve) => queue.waiting.push(resolve));
    } else queue.running += 1;
    return this.releaser(caller, queue);
  }

  /** Callers with an operation running or waiting (for tests and metrics). */
  get callers(): number {
    return this.queues.size;
  }

  private releaser(caller: string, queue: Queue): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The slot passes to the next waiter as is; the count drops only when nobody waits.
      const next = queue.waiting.shift();
      if (next) next();
      else if (--queue.running === 0) this.queues.delete(caller);
    };
  }
}

const tooManyWaiting = (max: number): GraphQLError =>
  new GraphQLError(
    `This caller already has ${max} operations running and ${MAX_WAITING_PER_CALLER} waiting; retry in 1 s.`,
    {
      extensions: {
        code: ErrorCodes.RATE_LIMITED,
        retryAfterSeconds: 1,
        http: { status: 429, headers: new HeaderMap([["retry-after", "1"]]) },
      },
    },
  );

/** How long an operation refused before it ran keeps its caller's slot. */
export const REFUSAL_HOLD_MS = 1000;

/**
 * Answered without `data`: refused before it ran (parse, validation, a limit, a rate limit,
 * variables). Such an operation keeps its slot for REFUSAL_HOLD_MS (a rate limit's Retry-After
 * is at least that long anyway): a caller that loops refused operations, or retries at once
 * ignoring Retry-After, then waits in its own queue at no CPU cost instead of keeping the
 * process busy refusing it. A well-behaved caller loses one of its slots for a second.
 */
const refusedBeforeRunning = (body: GraphQLResponse["body"]): boolean =>
  body.kind === "single" && !("data" in body.singleResult);

/**
 * MAX_INFLIGHT_PER_CALLER as an Apollo plugin: the slot is taken when Apollo starts the
 * request (before the document is looked up, validated or run) and given back when the response
 * is ready (one refused before it ran keeps it 1 s longer: `refusedBeforeRunning`). A caller
 * with too many operations waiting is refused (RATE_LIMITED, 429) once the operation is
 * resolved, like the other rate limits; that refusal held no slot and keeps none.
 */
export const callerSlotsPlugin = (max: number): ApolloServerPlugin<RequestContext> => {
  const slots = new CallerSlots(max);
  return {
    async requestDidStart({ contextValue }) {
      const release = await slots.acquire(contextValue.caller.name);
      return {
        async didResolveOperation() {
          if (!release) throw tooManyWaiting(max);
        },
        async willSendResponse({ response }) {
          if (!release) return;
          if (refusedBeforeRunning(response.body)) setTimeout(release, REFUSAL_HOLD_MS).unref();
          else release();
        },
      };
    },
  };
};
