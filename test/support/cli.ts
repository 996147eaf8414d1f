import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BUILT = join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the operator CLI as operators do, in its own process: the built one (`npm run cli`), or
 * from source through ts-node for `npm test`, which runs before anything is built.
 */
export function runCli(
  args: string[],
  env: Record<string, string>,
  from: 'dist' | 'source' = 'dist',
): Promise<CliRun> {
  if (from === 'dist' && !existsSync(BUILT)) {
    throw new Error(`${BUILT} is missing: run \`npm run build\` first`);
  }
  const argv =
    from === 'dist'
      ? [BUILT, ...args]
      : [
          '-r',
          'ts-node/register/transpile-only',
          '-r',
          'tsconfig-paths/register',
          join(ROOT, 'apps', 'cli', 'src', 'main.ts'),
          ...args,
        ];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      argv,
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
          ...env,
        },
        timeout: 180_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
