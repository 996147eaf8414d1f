// Shared jest settings: ts-jest on the monorepo's path aliases.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: '<rootDir>/tsconfig.json',
        // OpenAPI metadata from types and comments, as `nest build` adds it.
        astTransformers: { before: ['<rootDir>/test/support/openapi-plugin.transformer.js'] },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  // PGlite's cold start is ~4 s on these machines; one instance per file, generous timeout.
  testTimeout: 30000,
};
