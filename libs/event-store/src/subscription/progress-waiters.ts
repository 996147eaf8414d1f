/**
 * Callers waiting for a subscription to reach a global position (`Subscription.waitFor`): one
 * implementation for every adapter's subscription.
 */
export class ProgressWaiters {
  private readonly waiters: Array<{ target: number; resolve: () => void }> = [];

  /** Resolves once `reached` is told of `target` or beyond; rejects after the timeout. */
  waitFor(target: number, position: () => number, timeoutMs: number): Promise<void> {
    if (position() >= target) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        target,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`subscription did not reach position ${target} (at ${position()})`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** The subscription has handled everything up to `position`. */
  reached(position: number): void {
    for (const waiter of [...this.waiters]) {
      if (position >= waiter.target) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }
}
