// The staff console: Vite + Preact, built into <repo>/dist/console-web (served by the app at `/`).
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** The browser bundle takes only pure modules: importing a Node built-in fails the build. */
function noNodeBuiltins(): Plugin {
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  return {
    name: 'homeward-no-node-builtins',
    enforce: 'pre',
    resolveId(source, importer) {
      if (builtins.has(source) || source.startsWith('node:')) {
        throw new Error(`The console imports the Node built-in "${source}" (from ${importer})`);
      }
      return null;
    },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  plugins: [noNodeBuiltins(), preact()],
  resolve: {
    alias: {
      // The suggested CSE level is computed by the domain's own code, not a copy.
      '@homeward/domain/screening': `${repo}libs/domain/src/screening/index.ts`,
    },
  },
  build: {
    outDir: `${repo}dist/console-web`,
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    // `npx vite --config apps/console/web/vite.config.ts` during development: the API is the app's.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
