// `npm run bench`: throughput on a real PostgreSQL (`npm run infra:up` first). Figures, not
// assertions of speed: the targets are read off what it prints.
const base = require('../jest.base');

module.exports = {
  ...base,
  rootDir: require('node:path').join(__dirname, '..'),
  testMatch: ['<rootDir>/test/bench/**/*.bench.ts'],
  testTimeout: 600_000,
  forceExit: true,
};
