import { Module, type DynamicModule } from '@nestjs/common';
import { ConsoleModule } from '@homeward/console';
import { IntakeModule } from '@homeward/intake';
import { InterviewsModule } from '@homeward/interviews';
import { ForwarderModule, PlatformModule, type HomewardConfig } from '@homeward/platform';
import { SafeguardingModule } from '@homeward/safeguarding';

/**
 * Every Homeward context in one process: the embedded default behind `npm start`. Events reach
 * projections and reactors straight from the store; with KAFKA_BROKERS set it also takes police
 * notifications from Kafka and forwards its events there.
 */
@Module({})
export class HomewardModule {
  static forRoot(config: HomewardConfig): DynamicModule {
    return {
      module: HomewardModule,
      imports: [
        PlatformModule.forRoot(config),
        IntakeModule,
        InterviewsModule,
        SafeguardingModule,
        ConsoleModule,
        ...(config.kafka ? [ForwarderModule] : []),
      ],
    };
  }
}
