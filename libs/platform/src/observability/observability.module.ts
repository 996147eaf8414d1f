import {
  Global,
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { collectDefaultMetrics } from 'prom-client';
import { LoggerModule } from 'nestjs-pino';
import type { HomewardConfig } from '../config/homeward-config';
import { HomewardMetrics } from './homeward-metrics';
import { requestContextMiddleware } from './http-context.middleware';
import { loggerParams } from './logging';
import { MetricsController } from './metrics.controller';

/**
 * Logs (nestjs-pino), the request context and metrics (prom-client, GET /metrics): one instance
 * of each per application.
 */
@Global()
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot(config: HomewardConfig): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [LoggerModule.forRoot(loggerParams(config))],
      controllers: [MetricsController],
      providers: [
        {
          provide: HomewardMetrics,
          useFactory: () => {
            const metrics = new HomewardMetrics();
            // Memory, CPU, event-loop delay, GC: the process's own figures, on this registry.
            collectDefaultMetrics({ register: metrics.registry, prefix: 'homeward_' });
            return metrics;
          },
        },
      ],
      exports: [HomewardMetrics],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      // HTTP metrics are counted in configureHttp, ahead of the body parser.
      .apply(requestContextMiddleware)
      // nestjs-pino's own catch-all: every route, including the root, with no warning.
      .forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }
}
