import { Module } from '@nestjs/common';
import { PlatformModule, bootstrapService } from '@homeward/platform';
import { AlertDeliveryModule, SafeguardingModule } from '@homeward/safeguarding';

@Module({})
class SafeguardingService {}

void bootstrapService('safeguarding', (config) => ({
  module: SafeguardingService,
  imports: [PlatformModule.forRoot(config), SafeguardingModule, AlertDeliveryModule],
}));
