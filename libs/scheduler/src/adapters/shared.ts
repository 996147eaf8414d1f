/** Where the adapters report handler failures and connection trouble. */
export type SchedulerLog = (level: 'error' | 'warn', message: string) => void;

export const consoleSchedulerLog: SchedulerLog = (level, message) => {
  if (level === 'error') console.error(message);
  else console.warn(message);
};

/** Capped exponential backoff: base, 2 x base, 4 x base... never above `maxMs`. */
export function cappedExponentialBackoff(attempt: number, baseMs: number, maxMs: number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(baseMs * 2 ** exponent, maxMs);
}

/** Parses an ISO 8601 `runAt` into epoch milliseconds, refusing anything that is not a date. */
export function runAtMillis(runAt: string): number {
  const ms = Date.parse(runAt);
  if (!Number.isFinite(ms)) throw new Error(`invalid wake-up runAt "${runAt}": use ISO 8601`);
  return ms;
}

export function describeError(error: unknown): string {
  // Duck-typed: errors from another realm (jest's sandbox, worker threads) fail `instanceof Error`.
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String(error.message);
  }
  return String(error);
}
