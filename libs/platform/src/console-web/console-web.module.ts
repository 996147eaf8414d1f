import { Module } from '@nestjs/common';
import { loadLocalUsers, LOCAL_USERS } from './local-users';
import { SessionController } from './session.controller';

/**
 * The web console's server side: its session routes. The static files are served by
 * configureHttp (serveConsoleWeb) for the embedded application and the console service.
 */
@Module({
  controllers: [SessionController],
  providers: [{ provide: LOCAL_USERS, useFactory: () => loadLocalUsers() }],
})
export class ConsoleWebModule {}
