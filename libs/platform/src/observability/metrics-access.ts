import { timingSafeEqual } from 'node:crypto';
import type { HomewardConfig } from '../config/homeward-config';

/** Addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export type MetricsAccess = 'allowed' | 'token-required' | 'disabled';

/**
 * Who may read /metrics. With METRICS_TOKEN set: whoever sends it as a Bearer token, wherever
 * the server listens. Without it: anyone when the server is bound to a loopback address (only
 * this machine can reach it); nobody otherwise, as the figures say how many children go missing
 * and where Homeward is failing. Starting is never refused for this: a container binds 0.0.0.0
 * and must come up for its health check even when no one scrapes it.
 */
export function metricsAccess(
  config: Pick<HomewardConfig, 'host' | 'metrics'>,
  authorization: string | undefined,
): MetricsAccess {
  const token = config.metrics?.token ?? null;
  if (!token) return isLoopback(config.host) ? 'allowed' : 'disabled';
  const [scheme, given] = (authorization ?? '').split(' ');
  if (scheme !== 'Bearer' || !given) return 'token-required';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b) ? 'allowed' : 'token-required';
}
