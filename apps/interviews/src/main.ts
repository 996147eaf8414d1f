import { Module } from '@nestjs/common';
import { InterviewsModule } from '@homeward/interviews';
import { PlatformModule, bootstrapService } from '@homeward/platform';

/** Return interviews: scheduled from Kafka's episode events, deadlines watched with BullMQ. */
@Module({})
class InterviewsService {}

void bootstrapService('interviews', (config) => ({
  module: InterviewsService,
  imports: [PlatformModule.forRoot(config), InterviewsModule],
}));
