import { bootstrapService } from '@homeward/platform';
import { HomewardModule } from './app.module';

void bootstrapService('all', (config) => HomewardModule.forRoot(config));
