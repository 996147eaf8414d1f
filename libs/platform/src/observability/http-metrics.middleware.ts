import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HomewardMetrics } from './homeward-metrics';

type RoutedRequest = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };

/**
 * The route pattern Express matched (`/api/v1/children/:childId`), never the raw URL: ids in
 * paths would make a label per child. Requests no route matched share one label.
 */
export function routeOf(request: RoutedRequest): string {
  const path = request.route?.path;
  return typeof path === 'string' ? `${request.baseUrl ?? ''}${path}` : '(unmatched)';
}

/** Counts and times every answered request once it is sent (so guard refusals count too). */
export function httpMetricsMiddleware(metrics: HomewardMetrics) {
  return (request: RoutedRequest, response: ServerResponse, next: () => void): void => {
    const stop = metrics.httpDuration.startTimer();
    response.once('finish', () => {
      const labels = {
        method: request.method ?? 'GET',
        route: routeOf(request),
        status: String(response.statusCode),
      };
      stop(labels);
      metrics.httpRequests.inc(labels);
    });
    next();
  };
}
