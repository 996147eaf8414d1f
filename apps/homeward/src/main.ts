import { bootstrapService, checkLocalUsersOrExit } from '@homeward/platform';
import { HomewardModule } from './app.module';

checkLocalUsersOrExit();
void bootstrapService('all', (config) => HomewardModule.forRoot(config));
