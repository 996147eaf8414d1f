import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The staff console's API types (apps/console/web/src/api/schema.d.ts) are generated from
 * docs/openapi.json by openapi-typescript; the console's calls are typed from them. This fails
 * while the committed file is stale: run `npm run console:types`.
 */
const ROOT = join(__dirname, '..', '..');
const TARGET = join(ROOT, 'apps', 'console', 'web', 'src', 'api', 'schema.d.ts');

describe('the staff console API types', () => {
  it('match docs/openapi.json (else run `npm run console:types`)', () => {
    const fresh = execFileSync(process.execPath, ['scripts/console-types.js', '--stdout'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const committed = readFileSync(TARGET, 'utf8');
    // One boolean, not a 4,000-line diff in the report.
    expect({ upToDate: committed === fresh }).toEqual({ upToDate: true });
  });
});
