import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * `npm start` as a user runs it (the built dist/apps/homeward/src/main.js): it must listen where it
 * says it does. PORT=0 lets the system pick a free port, so the address the log names can only be
 * right if it was read from the server itself.
 */
const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'apps', 'homeward', 'src', 'main.js');
const LISTENING = /listening on (http:\/\/(\S+):(\d+)) /;

interface Run {
  output: () => string;
  exited: Promise<number | null>;
  stop: () => Promise<void>;
}

function run(env: Record<string, string>): Run {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'homeward-listen-'));
  const base = { ...process.env };
  delete base.HOST;
  delete base.DATABASE_URL;
  delete base.KAFKA_BROKERS;
  delete base.REDIS_URL;
  delete base.EVENT_STORE;
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...base, DATA_DIR: dataDir, PORT: '0', NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve)).finally(() =>
    rmSync(dataDir, { recursive: true, force: true }),
  );
  return {
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function listeningLine(app: Run, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = LISTENING.exec(app.output());
    if (match) return { url: match[1], host: match[2], port: Number(match[3]) };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no "listening on" line:\n${app.output()}`);
}

describe('npm start listens where it says', () => {
  it('binds 127.0.0.1 by default and logs the port the server really got', async () => {
    const app = run({});
    try {
      const { url, host, port } = await listeningLine(app);
      expect(host).toBe('127.0.0.1');
      expect(port).toBeGreaterThan(0);
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
    } finally {
      await app.stop();
    }
  });

  it('binds the address HOST names and logs it', async () => {
    const app = run({ HOST: '0.0.0.0' });
    try {
      const { host, port } = await listeningLine(app);
      expect(host).toBe('0.0.0.0');
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });

  it('refuses a HOST that is not an address to listen on, saying so', async () => {
    const app = run({ HOST: 'not a host!' });
    const code = await Promise.race([
      app.exited,
      new Promise<'running'>((r) => setTimeout(() => r('running'), 20_000)),
    ]);
    await app.stop();
    expect(code).toBe(1);
    expect(app.output()).toContain('HOST:');
    expect(app.output()).not.toContain('listening on');
  });
});
