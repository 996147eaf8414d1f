// `npm run test:browser`: the web console in a real browser (Debian's Chromium, driven by
// playwright-core), against the built console and an embedded Homeward. Needs `npm run build`.
const base = require('../jest.base');

module.exports = {
  ...base,
  rootDir: require('node:path').join(__dirname, '..'),
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  forceExit: true,
};
