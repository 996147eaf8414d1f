import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A Kafka broker of this test's own (KRaft, one node), from the jars `npm run infra:up` resolved
 * into .infra/kafka/lib, on free ports with its own data dir: a test may SIGKILL and restart it
 * without touching the shared broker others use. Restarting keeps the data dir, as a real
 * broker's restart would.
 */
export interface DedicatedKafka {
  brokers: string;
  /** SIGKILL: no controlled shutdown, as in a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data dir, resolving once it takes clients. */
  restart(): Promise<void>;
  /** Kills it and deletes its data dir. */
  remove(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');
const LIB = join(ROOT, '.infra', 'kafka', 'lib');
const CONF = join(ROOT, 'scripts', 'infra', 'kafka');
const CLUSTER_ID = 'SG9tZXdhcmRUZXN0S2Fma2E';
// Smaller than the shared broker's: the machine is small and this one lives for one test file.
const JVM = [
  '-Xms128m',
  '-Xmx384m',
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djava.awt.headless=true',
  `-Dlog4j.configuration=file:${join(CONF, 'log4j.properties')}`,
  '-cp',
  `${LIB}/*`,
];

export async function startDedicatedKafka(readyTimeoutMs = 120_000): Promise<DedicatedKafka> {
  if (!existsSync(LIB)) {
    throw new Error(`no Kafka jars in ${LIB}: run \`npm run infra:up\` once to resolve them`);
  }
  const [port, controllerPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'homeward-kafka-'));
  const props = join(dir, 'server.properties');
  const log = join(dir, 'broker.log');
  writeFileSync(
    props,
    [
      readFileSync(join(CONF, 'server.properties'), 'utf8'),
      `log.dirs=${join(dir, 'data')}`,
      `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
      `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    ].join('\n'),
  );
  await run(['kafka.tools.StorageTool', 'format', '-t', CLUSTER_ID, '-c', props], log);

  let broker: ChildProcess | null = null;
  const start = async () => {
    const out = openSync(log, 'a');
    broker = spawn('java', [...JVM, 'kafka.Kafka', props], { stdio: ['ignore', out, out] });
    const started = broker;
    const deadline = Date.now() + readyTimeoutMs;
    // The client port opens only once the broker has caught up with its metadata log.
    while (!(await portOpen(port))) {
      if (started.exitCode !== null) throw new Error(`the test broker exited; see ${log}`);
      if (Date.now() > deadline) throw new Error(`the test broker is not up; see ${log}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const kill = async () => {
    const running = broker;
    broker = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((r) => running.once('exit', r));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    brokers: `127.0.0.1:${port}`,
    kill,
    restart: start,
    remove: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function run(args: string[], log: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = openSync(log, 'a');
    const child = spawn('java', [...JVM, ...args], { stdio: ['ignore', out, out] });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args[0]} failed (${code}); see ${log}`)),
    );
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
