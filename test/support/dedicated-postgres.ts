import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DedicatedProcess, unprivilegedOwner } from './dedicated-server';
import { freePort } from './free-port';

/** Where Debian's postgresql package puts the server binaries (`npm run infra:up` installs it). */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(`no PostgreSQL server binaries under ${root}: run \`npm run infra:up\` first`);
  }
  return join(root, versions[0], 'bin');
}

export interface DedicatedPostgres {
  url: string;
  port: number;
  /** SIGKILL of the postmaster and every backend: a crash, not a shutdown. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and data directory (crash recovery included). */
  restart(): Promise<void>;
  /** Stops the server and deletes its directory; safe to call more than once. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL server of one test's own: `initdb` into a temporary directory, `postgres` on a free
 * port on 127.0.0.1 (trust auth, user `homeward`). Never the shared server on :55432.
 */
export async function startDedicatedPostgres(): Promise<DedicatedPostgres> {
  const bin = postgresBin();
  const owner = unprivilegedOwner();
  const dir = mkdtempSync(join(tmpdir(), 'homeward-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  execFileSync(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'homeward', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
    { ...owner, stdio: 'pipe' },
  );
  const port = await freePort();
  const url = `postgres://homeward@127.0.0.1:${port}/postgres`;
  const server = new DedicatedProcess(
    `postgres :${port}`,
    join(bin, 'postgres'),
    // fsync off: this server is thrown away, and crash recovery still replays the WAL it wrote.
    [
      '-D',
      data,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-k',
      dir,
      '-c',
      'fsync=off',
    ],
    owner,
  );
  const ready = async () => {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  await server.start(ready);
  return {
    url,
    port,
    kill: () => server.kill(),
    restart: () => server.start(ready),
    destroy: async () => {
      await server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
