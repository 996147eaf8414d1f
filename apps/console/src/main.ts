import { Module } from '@nestjs/common';
import { ConsoleModule } from '@homeward/console';
import { PlatformModule, bootstrapService } from '@homeward/platform';

/** The query side: interview queue and child timelines, projected from Kafka. */
@Module({})
class ConsoleService {}

void bootstrapService('console', (config) => ({
  module: ConsoleService,
  imports: [PlatformModule.forRoot(config), ConsoleModule],
}));
