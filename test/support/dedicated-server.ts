import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * One server process a fault test owns outright (never the shared ones `npm run infra:up`
 * starts): spawned in a process group of its own, so `kill()` takes the server and every process
 * it forked down at once with SIGKILL, the way a crash or an OOM kill would.
 */
export class DedicatedProcess {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly options: Pick<SpawnOptions, 'uid' | 'gid' | 'cwd' | 'env'> = {},
  ) {}

  /** Starts the process; `ready` is polled until it resolves true (or the time runs out). */
  async start(ready: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running`);
    const child = spawn(this.command, this.args, {
      ...this.options,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.on('error', (error) => (this.output += `\nspawn failed: ${error.message}\n`));
    this.child = child;
    // Detached, it would outlive a test run that ends without its afterAll (jest's forceExit).
    const orphanGuard = () => this.running && child.pid && signal(-child.pid, 'SIGKILL');
    process.once('exit', orphanGuard);
    child.once('exit', () => process.off('exit', orphanGuard));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) break;
      if (await ready().catch(() => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    await this.kill();
    throw new Error(`${this.name} did not become ready:\n${this.logTail()}`);
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * SIGKILL to the process group and to every direct child of the leader (PostgreSQL's backends
   * call setsid(), so they are in groups of their own); resolves once the leader has exited.
   */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.pid === undefined || !this.running) return;
    const exited = new Promise((r) => child.once('exit', r));
    for (const pid of childrenOf(child.pid)) signal(pid, 'SIGKILL');
    if (!signal(-child.pid, 'SIGKILL')) child.kill('SIGKILL');
    await exited;
  }

  logTail(lines = 30): string {
    return this.output.split('\n').slice(-lines).join('\n');
  }
}

/**
 * PostgreSQL refuses to run as root: when the tests run as root (CI), servers run as the
 * `postgres` OS user the Debian package creates; otherwise as whoever runs the tests.
 */
export function unprivilegedOwner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

/** Pids whose parent is `parent`, from /proc (Linux, where the servers run). */
function childrenOf(parent: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // `pid (comm) state ppid ...`: comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}
