export interface AppendSignal {
  /** Resolves when something may have been appended, or after `ms` at the latest. */
  wait(ms: number): Promise<void>;
}

/** An in-process signal: appends wake the subscriptions at once instead of at the next poll. */
export class AppendNotifier implements AppendSignal {
  private waiters: Array<() => void> = [];

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const waiters = this.waiters;
      function done() {
        clearTimeout(timer);
        const i = waiters.indexOf(done);
        if (i >= 0) waiters.splice(i, 1);
        resolve();
      }
      this.waiters.push(done);
    });
  }
}
