import { CommandRunner } from 'nest-commander';
import { EXIT } from './usage-error';

/** nest-commander's own commander (a different major version from any other in node_modules). */
type Command = Parameters<CommandRunner['setCommand']>[0];
type CommanderError = Error & { code: string };

/** Commander's own refusals (unknown command, missing argument...): it has printed them. */
export function exitOnCommanderError(error: CommanderError): never {
  const helped = ['commander.help', 'commander.helpDisplayed', 'commander.version'];
  process.exit(helped.includes(error.code) ? EXIT.ok : EXIT.usage);
}

/**
 * Every command of the CLI. nest-commander builds each subcommand with `new Command()`, which
 * does not inherit the root's exit override, so each command sets it: a bad argument anywhere
 * exits 2, never commander's default 1.
 */
export abstract class OperatorCommand extends CommandRunner {
  override setCommand(command: Command): this {
    command.exitOverride(exitOnCommanderError);
    return super.setCommand(command);
  }
}
