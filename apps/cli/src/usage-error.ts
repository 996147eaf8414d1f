/** A bad argument or a missing setting: the CLI says what is wrong and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes: 0 done, 1 it failed (the database, the broker...), 2 bad arguments. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function parseIds(values: string[]): number[] {
  return values.map((value) => {
    if (!/^[1-9][0-9]{0,15}$/.test(value)) {
      throw new UsageError(`"${value}" is not a dead letter id (a positive whole number)`);
    }
    return Number(value);
  });
}
