import { Module } from '@nestjs/common';
import { ConsoleModule } from '@homeward/console';
import {
  ConsoleWebModule,
  PlatformModule,
  bootstrapService,
  checkLocalUsersOrExit,
} from '@homeward/platform';

/**
 * The query side: interview queue and child timelines, projected from Kafka; the web console's
 * files at `/` and its session routes.
 */
@Module({})
class ConsoleService {}

checkLocalUsersOrExit();
void bootstrapService('console', (config) => ({
  module: ConsoleService,
  imports: [PlatformModule.forRoot(config), ConsoleModule, ConsoleWebModule],
}));
