import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

/** The environment variable naming another folder of the web console's built files. */
export const CONSOLE_WEB_DIR_VARIABLE = 'CONSOLE_WEB_DIR';

/** Where `npm run build` puts the web console, relative to the working directory. */
export const DEFAULT_CONSOLE_WEB_DIR = 'dist/console-web';

export const CONSOLE_NOT_BUILT = 'the web console is not built: run npm run build';

/** The API's own paths: never answered with the console's files. */
const SERVER_PATHS = /^\/(api|health|metrics)(\/|$)/i;

/** Vite's hashed bundles: a name changes when its content does, so they may be kept. */
const ASSETS = /^\/assets\//;

/**
 * The console's folder: CONSOLE_WEB_DIR, or dist/console-web, both resolved against the working
 * directory (`npm start` runs from the repository's root; a container sets its WORKDIR).
 */
export function consoleWebDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(process.cwd(), env[CONSOLE_WEB_DIR_VARIABLE] || DEFAULT_CONSOLE_WEB_DIR);
}

/**
 * Serves the web console's built files at `/`, with a single-page fallback: a GET (or HEAD) for
 * a path outside /api, /health and /metrics that names no file answers index.html, so the
 * console's own routes (`/cases/123`) load it. A missing file under /assets/ is a 404, not the
 * page. The folder is looked at on every request: a front end built after start-up is served,
 * and while there is none the page answers 404 with what to do. Hashed assets may be cached a
 * year; index.html and the other files are revalidated (`no-cache`).
 */
export function serveConsoleWeb(app: INestApplication, dir: string = consoleWebDir()): void {
  const files = express.static(dir, {
    index: false,
    redirect: false,
    fallthrough: true,
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader(
        'Cache-Control',
        path.startsWith(join(dir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const index = join(dir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path)) {
      next();
      return;
    }
    files(req, res, (error?: unknown) => {
      if (error) {
        next(error);
        return;
      }
      if (ASSETS.test(req.path)) {
        next();
        return;
      }
      if (!existsSync(index)) {
        res.status(404).json({ statusCode: 404, error: 'Not Found', message: CONSOLE_NOT_BUILT });
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index, (sendError?: Error) => {
        if (sendError && !res.headersSent) next(sendError);
      });
    });
  });
}
