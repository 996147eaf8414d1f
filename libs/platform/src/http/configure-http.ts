import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { HOMEWARD_CONFIG, type HomewardConfig } from '../config/homeward-config';
import { serveConsoleWeb } from '../console-web/serve-console-web';
import { HomewardMetrics } from '../observability/homeward-metrics';
import { requestIdOf } from '../observability/http-context.middleware';
import { httpMetricsMiddleware } from '../observability/http-metrics.middleware';
import { serveOpenApi } from './openapi';

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Security headers (helmet's defaults: a strict Content-Security-Policy, which the Swagger UI
 * at /api/docs works under, as it loads only its own scripts and styles; HSTS; nosniff; no
 * framing), no `X-Powered-By`, and `Cache-Control: no-store` on every answer: they name children,
 * and no proxy or browser cache should keep one. Then JSON bodies up to 64 KiB, HTTP metrics,
 * and the OpenAPI document of the application's routes at /api/docs. Body-parser errors happen before Nest's filters (and middleware) see the request,
 * so they are answered here, with a request id, in the same `{ errors: [...] }` shape as every
 * other bad input. The embedded application and the console service also serve the web
 * console's built files at `/` (serveConsoleWeb); the policy's `script-src 'self'` and
 * `connect-src 'self'` let its own bundles run and call the API (server-sent events too), and
 * nothing from anywhere else.
 */
export function configureHttp(app: INestApplication): void {
  (app.getHttpAdapter().getInstance() as express.Express).disable('x-powered-by');
  const config = app.get<symbol, HomewardConfig>(HOMEWARD_CONFIG);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'connect-src': ["'self'", ...identityProviderOrigin(config)],
          // Homeward serves plain http (TLS ends at the proxy in front of it, if any): upgrading
          // the console's own requests would break it on http://<host>:3000.
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use(noStore);
  // Counted before the body is parsed, so a body refused by the parser is counted too.
  app.use(httpMetricsMiddleware(app.get(HomewardMetrics)));
  app.use(
    express.json({ limit: MAX_BODY_BYTES, type: ['application/json', 'application/*+json'] }),
  );
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    // The request context is not set up yet: give the answer its request id all the same.
    requestIdOf(req, res);
    const type = (error as { type?: string } | null)?.type;
    if (type === 'entity.too.large') {
      res.status(400).json({
        errors: [
          { field: '(body)', message: `the body is larger than ${MAX_BODY_BYTES / 1024} KiB` },
        ],
      });
      return;
    }
    if (type === 'entity.parse.failed') {
      res.status(400).json({
        errors: [{ field: '(body)', message: `malformed JSON: ${(error as Error).message}` }],
      });
      return;
    }
    next(error);
  });
  serveOpenApi(app);
  const { service } = config;
  if (service === 'all' || service === 'console') serveConsoleWeb(app);
  app.enableShutdownHooks();
}

function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * With sign-in at an identity provider the console reads the provider's discovery document and
 * trades the code for tokens at its token endpoint: from the browser, so the policy lets it
 * connect to the issuer's origin too (the provider's endpoints are expected there).
 */
function identityProviderOrigin(config: HomewardConfig): string[] {
  const auth = config.auth;
  if (auth.kind !== 'jwks' || !auth.signIn) return [];
  return [new URL(auth.issuer).origin];
}
