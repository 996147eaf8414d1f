import {
  Controller,
  ForbiddenException,
  Get,
  Headers,
  Inject,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/roles';
import { HOMEWARD_CONFIG, type HomewardConfig } from '../config/homeward-config';
import { ErrorBody } from '../http/error-bodies.response';
import { HomewardMetrics } from './homeward-metrics';
import { metricsAccess } from './metrics-access';

/**
 * Prometheus text format. Public to the JWT guard (Prometheus has no user token): access is
 * decided by metricsAccess (loopback, or METRICS_TOKEN).
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: HomewardMetrics,
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
  ) {}

  /** Prometheus metrics: with `Bearer <METRICS_TOKEN>` when set, else only on a loopback bind. */
  @Get()
  @Public()
  @ApiOkResponse({
    description: 'the Prometheus text exposition format (`text/plain; version=0.0.4`)',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiResponse({
    status: 401,
    description: 'METRICS_TOKEN is set and the request does not send it as a Bearer token',
    type: ErrorBody,
  })
  @ApiResponse({
    status: 403,
    description: 'the server is not bound to a loopback address and METRICS_TOKEN is not set',
    type: ErrorBody,
  })
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const access = metricsAccess(this.config, authorization);
    if (access === 'token-required') {
      throw new UnauthorizedException('metrics need the METRICS_TOKEN (Authorization: Bearer …)');
    }
    if (access === 'disabled') {
      throw new ForbiddenException(
        'metrics are off: the server is not bound to a loopback address and METRICS_TOKEN is not set',
      );
    }
    response.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
