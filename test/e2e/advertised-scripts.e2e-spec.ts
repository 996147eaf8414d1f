import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Every `npm run <script>` the README, the scripts, CI and the tests' own error messages tell
 * people to run must exist: a hint to run a script that is not there is worse than no hint.
 */
const ROOT = join(__dirname, '..', '..');
const scripts = Object.keys(
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts,
);

function trackedTextFiles(): string[] {
  return execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(md|ts|js|sh|ya?ml|json)$|(^|\/)(Dockerfile|run)$/.test(f))
    .filter((f) => !f.endsWith('package-lock.json'));
}

describe('scripts the project tells people to run', () => {
  it('are all in package.json', () => {
    const missing: string[] = [];
    for (const file of trackedTextFiles()) {
      let text: string;
      try {
        text = readFileSync(join(ROOT, file), 'utf8');
      } catch {
        continue; // deleted in the work tree, not yet in the index
      }
      for (const match of text.matchAll(/npm run(?: -s)? ([A-Za-z0-9:_-]+)/g)) {
        if (!scripts.includes(match[1])) missing.push(`${file}: npm run ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
