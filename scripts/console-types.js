// `npm run console:types`: the staff console's API types, generated from docs/openapi.json.
// The drift test (test/e2e/console-types.e2e-spec.ts) runs it with --stdout and compares.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const SOURCE = join(ROOT, 'docs', 'openapi.json');
const TARGET = join(ROOT, 'apps', 'console', 'web', 'src', 'api', 'schema.d.ts');

async function generate() {
  const { default: openapiTS, astToString, COMMENT_HEADER } = require('openapi-typescript');
  const ast = await openapiTS(JSON.parse(readFileSync(SOURCE, 'utf8')));
  const header = COMMENT_HEADER.replace(
    ' */',
    ' * Source: docs/openapi.json. Regenerate with `npm run console:types`.\n */',
  );
  return header + astToString(ast);
}

module.exports = { generate, SOURCE, TARGET };

// `--stdout`: print instead of writing (the drift test runs this in a child process, since
// openapi-typescript's dependencies are ES modules that jest's CommonJS runtime cannot require).
if (require.main === module) {
  generate().then(
    (text) => {
      if (process.argv.includes('--stdout')) {
        process.stdout.write(text);
        return;
      }
      writeFileSync(TARGET, text);
      console.log(`wrote ${TARGET.slice(ROOT.length + 1)}`);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
