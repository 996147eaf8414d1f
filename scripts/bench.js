// `npm run bench [-- --quick]`: the throughput bench on a real PostgreSQL (`npm run infra:up`
// first). `--quick` runs a smaller feed (about a minute); other arguments go to jest.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const rest = args.filter((a) => a !== '--quick');
const jest = join(__dirname, '..', 'node_modules', 'jest', 'bin', 'jest.js');
const run = spawnSync(
  process.execPath,
  [jest, '--config', join(__dirname, '..', 'test', 'jest-bench.config.js'), '--runInBand', ...rest],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
      ...(quick ? { BENCH_QUICK: '1' } : {}),
    },
  },
);
process.exit(run.status ?? 1);
