import { Module } from '@nestjs/common';
import { IntakeModule } from '@homeward/intake';
import { ForwarderModule, PlatformModule, bootstrapService } from '@homeward/platform';

/** Police notifications in (HTTP and Kafka) and the forwarder that publishes the store to Kafka. */
@Module({})
class IntakeService {}

void bootstrapService('intake', (config) => ({
  module: IntakeService,
  imports: [PlatformModule.forRoot(config), IntakeModule, ForwarderModule],
}));
