// The @nestjs/swagger compiler plugin for ts-jest, with the options `nest build` uses (read from
// nest-cli.json), so the OpenAPI document a test generates is the one the built app serves.
const plugin = require('@nestjs/swagger/plugin');
const { compilerOptions } = require('../../nest-cli.json');

const { options } = compilerOptions.plugins.find((p) => p.name === '@nestjs/swagger');

module.exports.name = 'nestjs-swagger-plugin';
// Bump when the options change shape, so ts-jest's cache is not reused across them.
module.exports.version = JSON.stringify(options);
module.exports.factory = (compiler) => plugin.before(options, compiler.program);
