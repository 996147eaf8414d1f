import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { HomewardConfig } from '../config/homeward-config';
import { routeOf } from './http-metrics.middleware';
import { RequestContext } from './request-context';
import { requestIdOf } from './http-context.middleware';

/** Probed every few seconds by orchestrators and Prometheus: a line each would drown the rest. */
const UNLOGGED_PATHS = new Set(['/health/live', '/metrics']);

/**
 * Belt and braces: the serializers below already keep only method, path and status, but should
 * anything put a request's headers or body on a line, these go.
 */
const REDACT = [
  'req.headers',
  'req.body',
  'req.query',
  'req.params',
  'res.headers',
  'headers',
  'authorization',
  'body',
];

const pathOnly = (url: unknown) => (typeof url === 'string' ? url.split('?')[0] : undefined);

/**
 * nestjs-pino (pino-http underneath): one JSON line per answered request and per application log,
 * each with the request id (HTTP) or the correlation and causation ids of the event being
 * handled, read from the request context. Bodies, query strings (which could name someone) and
 * headers (Authorization) are never logged. Without `config.logging` (tests) it is silent.
 */
export function loggerParams(config: HomewardConfig): Params {
  const logging = config.logging;
  const options: Options = {
    level: logging?.level ?? 'silent',
    genReqId: (request, response) => requestIdOf(request, response),
    customAttributeKeys: { reqId: 'requestId' },
    // Lines logged during a request carry its id, not the whole request again.
    quietReqLogger: true,
    mixin: () => RequestContext.logFields(),
    serializers: {
      req: (req: { method?: string; url?: string }) => ({
        method: req.method,
        path: pathOnly(req.url),
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    redact: { paths: REDACT, remove: true },
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    // Known only once answered: the route matched and the caller the guard verified.
    customSuccessObject: (request, _response, value: object) => ({
      ...value,
      ...answeredFields(request),
    }),
    customErrorObject: (request, _response, _error, value: object) => ({
      ...value,
      ...answeredFields(request),
    }),
    autoLogging: {
      ignore: (request) => UNLOGGED_PATHS.has(pathOnly(request.url) ?? ''),
    },
    ...(logging?.format === 'pretty' && !logging.destination
      ? { transport: { target: 'pino-pretty', options: { singleLine: true } } }
      : {}),
  };
  return {
    pinoHttp: logging?.destination ? [options, logging.destination] : options,
  };
}

function answeredFields(request: IncomingMessage) {
  return {
    route: routeOf(request),
    sub: (request as { caller?: { sub?: string } }).caller?.sub,
  };
}
