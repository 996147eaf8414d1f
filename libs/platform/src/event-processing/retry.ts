/** How hard one event is tried before it is parked. */
export interface RetryBudget {
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** About 20 seconds of retries: long enough for a passing fault, short enough not to stall. */
export const DEFAULT_RETRY_BUDGET: RetryBudget = {
  attempts: 10,
  firstDelayMs: 100,
  maxDelayMs: 5000,
};

export const delayBefore = (attempt: number, budget: RetryBudget): number =>
  Math.min(budget.maxDelayMs, budget.firstDelayMs * 2 ** (attempt - 1));

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
