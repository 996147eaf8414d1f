import { Module } from '@nestjs/common';
import { CliContext } from './cli-context';
import { AuditCommand } from './commands/audit.command';
import { DeadLettersCommand } from './commands/dead-letters.command';
import { DeadlinesCommand } from './commands/deadlines.command';
import { PoliceDlqCommand } from './commands/police-dlq.command';
import { ProjectionsCommand } from './commands/projections.command';

/** The operator CLI: `npm run -s cli -- <command>`. No HTTP, no event processing. */
@Module({
  providers: [
    CliContext,
    ...ProjectionsCommand.registerWithSubCommands(),
    ...DeadLettersCommand.registerWithSubCommands(),
    ...PoliceDlqCommand.registerWithSubCommands(),
    ...DeadlinesCommand.registerWithSubCommands(),
    ...AuditCommand.registerWithSubCommands(),
  ],
})
export class CliModule {}
