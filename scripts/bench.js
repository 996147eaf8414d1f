// `npm run bench [-- --quick]`: throughput on a real PostgreSQL and Kafka, and alarm lateness on
// Redis (`npm run infra:up` first). `--quick` runs smaller sizes (about a minute); other
// arguments go to jest.
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
      // Each bench file adds its figures to one results file for this run.
      BENCH_RUN_ID: `${process.pid}-${Date.now()}`,
    },
  },
);
process.exit(run.status ?? 1);
