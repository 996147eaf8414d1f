import { Module, type DynamicModule } from '@nestjs/common';
import { ConsoleModule } from '@homeward/console';
import { IntakeModule } from '@homeward/intake';
import { InterviewsModule } from '@homeward/interviews';
import {
  ConsoleWebModule,
  ForwarderModule,
  PlatformModule,
  type HomewardConfig,
} from '@homeward/platform';
import { AlertDeliveryModule, SafeguardingModule } from '@homeward/safeguarding';

/**
 * Every Homeward context in one process: the embedded default behind `npm start`. Events reach
 * projections and reactors straight from the store; with KAFKA_BROKERS set it also takes police
 * notifications from Kafka and forwards its events there.
 */
/** Modules a test may put in place of the app's own. */
export interface HomewardModuleOptions {
  alertDelivery?: DynamicModule;
}

@Module({})
export class HomewardModule {
  /**
   * `alertDelivery` replaces the alert-delivery module, e.g. with shorter retries in a test
   * (`AlertDeliveryModule.withSettings(...)`).
   */
  static forRoot(config: HomewardConfig, options: HomewardModuleOptions = {}): DynamicModule {
    return {
      module: HomewardModule,
      imports: [
        PlatformModule.forRoot(config),
        IntakeModule,
        InterviewsModule,
        SafeguardingModule,
        options.alertDelivery ?? AlertDeliveryModule,
        ConsoleModule,
        ConsoleWebModule,
        ...(config.kafka ? [ForwarderModule] : []),
      ],
    };
  }
}
