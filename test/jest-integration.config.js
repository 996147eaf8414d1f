// `npm run test:integration`: suites that need the real servers `npm run infra:up` starts.
const base = require('../jest.base');

module.exports = {
  ...base,
  rootDir: require('node:path').join(__dirname, '..'),
  testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
  // Clients of real servers (kafkajs, ioredis, pg) can keep a socket open a moment after their
  // suite closed them; CI must never hang on that, so jest exits once every suite has finished.
  forceExit: true,
};
