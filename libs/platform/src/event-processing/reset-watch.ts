/** How often a process looks for processors an operator reset (the CLI's rebuild or retry). */
export const RESET_POLL_MS = 1_000;

/**
 * Notices operator resets and restarts the processors concerned, one restart at a time per
 * processor. A processor that is handling events notices a reset at once (its transaction's
 * generation fence fails and it calls `due`); an idle one is found by the poll. A restart that
 * fails (the database down) is tried again at the next poll, since the generation still differs.
 */
export class ResetWatch {
  private timer: NodeJS.Timeout | null = null;
  private readonly restarting = new Map<string, Promise<void>>();
  private polling: Promise<void> | null = null;
  /** During an outage the poll fails every second: said once, until a poll succeeds again. */
  private failing = false;

  constructor(
    private readonly findDue: (names?: string[]) => Promise<string[]>,
    private readonly restart: (name: string) => Promise<void>,
    private readonly report: (error: unknown) => void,
    private readonly intervalMs = RESET_POLL_MS,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => {
      this.polling ??= this.poll().finally(() => (this.polling = null));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.polling;
    await Promise.all(this.restarting.values());
  }

  /** A processor found out it was reset: restart it now rather than at the next poll. */
  due(name: string): void {
    if (!this.timer || this.restarting.has(name)) return;
    const restart = this.findDue([name])
      .then((due) => (due.length > 0 ? this.restart(name) : undefined))
      .catch((error: unknown) => this.report(error))
      .finally(() => this.restarting.delete(name));
    this.restarting.set(name, restart);
  }

  private async poll(): Promise<void> {
    try {
      const due = await this.findDue();
      this.failing = false;
      for (const name of due) this.due(name);
    } catch (error) {
      if (!this.failing) this.report(error);
      this.failing = true;
    }
  }
}
