// `npm test`: unit, conformance (in-memory and PGlite) and end-to-end tests that need no server.
const base = require('./jest.base');

module.exports = {
  ...base,
  testMatch: [
    '<rootDir>/libs/**/*.spec.ts',
    '<rootDir>/apps/**/*.spec.ts',
    '<rootDir>/test/e2e/**/*.e2e-spec.ts',
  ],
};
