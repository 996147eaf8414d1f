import { Module, type DynamicModule } from '@nestjs/common';
import { ConsoleModule } from '@homeward/console';
import { IntakeModule } from '@homeward/intake';
import { InterviewsModule } from '@homeward/interviews';
import { PlatformModule, loadHomewardConfig, type HomewardConfig } from '@homeward/platform';

/** Every Homeward context in one process: the embedded default behind `npm start`. */
@Module({})
export class HomewardModule {
  static forRoot(config: HomewardConfig = loadHomewardConfig()): DynamicModule {
    return {
      module: HomewardModule,
      imports: [PlatformModule.forRoot(config), IntakeModule, InterviewsModule, ConsoleModule],
    };
  }
}
