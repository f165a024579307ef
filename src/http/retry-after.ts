/**
 * `Retry-After`, both ways. The one reader of the header, for every place that honours or reports one (the
 * adapter's retries, the upstream error clients see). RFC 9110 §10.2.3: `delay-seconds`
 * (digits only) or an `HTTP-date` (its three forms all start with a day name). Anything else
 * (`-5`, `1.5`, `0x10`, `1e3`, `soon`) is no advice at all, not a guess. The answer is whole
 * seconds from `now`, at least 0 (a date in the past: now) and at most MAX_RETRY_AFTER_SECONDS:
 * `Retry-After: 86400` is an upstream bug, not advice.
 */

/** The longest wait any `Retry-After` is read as (5 minutes). */
export const MAX_RETRY_AFTER_SECONDS = 300;

const DELAY_SECONDS = /^\d+$/;
/** IMF-fixdate, RFC 850 and asctime dates: a day name, then a time of day somewhere. */
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? .*\b\d{2}:\d{2}:\d{2}\b/;

/** Seconds to wait, bounded to [0, MAX_RETRY_AFTER_SECONDS]; null when absent or unreadable. */
export const readRetryAfter = (
  value: string | null | undefined,
  now: number = Date.now(),
): number | null => {
  const text = value?.trim() ?? "";
  // asctime carries no zone; HTTP dates are all GMT (Date.parse would read it as local time).
  const date = HTTP_DATE.test(text) ? Date.parse(/GMT$/.test(text) ? text : `${text} GMT`) : NaN;
  const seconds = DELAY_SECONDS.test(text)
    ? Number(text)
    : Number.isNaN(date)
      ? null
      : Math.ceil((date - now) / 1000);
  return seconds === null ? null : Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, seconds));
};

/** The longest wait this service asks its own callers for (a budget that can never fill). */
export const MAX_SENT_RETRY_AFTER_SECONDS = 3600;

/**
 * What this service sends as `Retry-After` (and `extensions.retryAfterSeconds`) for a wait of
 * `seconds`: delta-seconds as the reader above reads them, whole, at least 1 (0 would invite an
 * immediate repeat of what was just refused), at most an hour; not finite: an hour.
 */
export const retryAfterToSend = (seconds: number): number =>
  Number.isFinite(seconds)
    ? Math.min(MAX_SENT_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(seconds)))
    : MAX_SENT_RETRY_AFTER_SECONDS;
