// `npm run test:integration`: suites that need the real servers `npm run infra:up` starts.
const base = require('../jest.base');

module.exports = {
  ...base,
  rootDir: require('node:path').join(__dirname, '..'),
  testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
};
