import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';
import { exitOnCommanderError } from './operator-command';
import { EXIT, UsageError } from './usage-error';

/** A failure the operator can act on gets its message only; anything else its stack too. */
function fail(error: unknown): never {
  const usage = error instanceof UsageError;
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message}\n`);
  if (!usage && error instanceof Error && !error.name.match(/Refused|InUse|KafkaJS/)) {
    process.stderr.write(`${error.stack ?? ''}\n`);
  }
  process.exit(usage ? EXIT.usage : EXIT.failed);
}

async function main(): Promise<void> {
  await CommandFactory.run(CliModule, {
    cliName: 'homeward',
    logger: false,
    errorHandler: (error) =>
      exitOnCommanderError(error as Parameters<typeof exitOnCommanderError>[0]),
    serviceErrorHandler: (error) => fail(error),
  });
}

main().then(
  () => process.exit(EXIT.ok),
  (error: unknown) => fail(error),
);
