import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/**
 * bench/results/<date>-<commit>.json, with the machine and versions beside the figures. Each
 * bench file adds what it measured: `figures` are appended, other keys set. A file left by an
 * earlier run (another BENCH_RUN_ID, set by scripts/bench.js) is replaced, not added to.
 */
export function recordFigures(results: Record<string, unknown>): void {
  const root = join(__dirname, '..', '..');
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
    } catch {
      return 'unknown';
    }
  })();
  const date = new Date().toISOString().slice(0, 10);
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${date}-${commit}.json`);
  const runId = process.env.BENCH_RUN_ID ?? 'unnamed';
  const earlier = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  const sameRun = earlier.runId === runId;
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  const figures = [
    ...(sameRun && Array.isArray(earlier.figures) ? earlier.figures : []),
    ...(Array.isArray(results.figures) ? results.figures : []),
  ];
  const merged = {
    ...(sameRun ? earlier : {}),
    date,
    commit,
    runId,
    machine,
    ...results,
    figures,
  };
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  console.log(`bench: results written to ${file}`);
}
