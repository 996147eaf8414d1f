import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface ServiceProcess {
  name: string;
  port: number;
  url: string;
  process: ChildProcess;
  output: () => string;
}

/** Starts a built Homeward service (`node dist/apps/<name>/src/main.js`) as its own process. */
export async function startService(
  // 'homeward' is the all-in-one process (npm start), the others the separate services.
  name: 'homeward' | 'intake' | 'interviews' | 'safeguarding' | 'console',
  port: number,
  env: Record<string, string>,
): Promise<ServiceProcess> {
  const main = join(ROOT, 'dist', 'apps', name, 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  let output = '';
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const service = {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    process: child,
    output: () => output,
  };
  await waitUntilReady(service);
  return service;
}

async function waitUntilReady(service: ServiceProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.process.exitCode !== null) {
      throw new Error(`${service.name} exited (${service.process.exitCode}):\n${service.output()}`);
    }
    try {
      const res = await fetch(`${service.url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${service.name} did not become ready:\n${service.output()}`);
}

export async function stopService(
  service: ServiceProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (service.process.exitCode !== null || service.process.signalCode !== null) return;
  const exited = new Promise((r) => service.process.once('exit', r));
  service.process.kill(signal);
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (service.process.exitCode === null && service.process.signalCode === null) {
    service.process.kill('SIGKILL');
    await exited;
  }
}
