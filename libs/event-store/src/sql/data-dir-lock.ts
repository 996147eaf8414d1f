import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Another live process has the PGlite data directory open. */
export class DataDirInUse extends Error {
  override readonly name = 'DataDirInUse';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `${dataDir} is open in another process (pid ${pid}, probably Homeward): PGlite lets only ` +
        `one process open a data directory at a time. Stop that process first, or run ` +
        `Homeward on PostgreSQL (DATABASE_URL) to operate it while it runs.`,
    );
  }
}

export const LOCK_FILE = 'homeward.pid';

/**
 * A pid file in the data directory. PGlite has no lock of its own, and two processes writing
 * one directory corrupt it, so whoever opens it (the app, the operator CLI) claims it first.
 * A file left by a process that died is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  const mine = String(process.pid);
  for (;;) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8').trim());
      if (holder === process.pid) break;
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new DataDirInUse(dataDir, holder);
      }
      unlinkSync(file); // stale: its process is gone
    }
  }
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === mine) unlinkSync(file);
    } catch {
      // already gone
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
