/**
 * `promise`, or a rejection after `ms`: how a Redis command that hangs (a partition, a paused
 * server) becomes a failure the caller treats as a miss instead of a request that waits forever.
 * The timer is cleared either way, so nothing keeps the process alive.
 */
export const withTimeout = <T>(promise: Promise<T>, ms: number, what = "Redis"): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer in ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
