import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Caller } from '../auth/roles';

type CommandRequest = Pick<Request, 'method' | 'originalUrl' | 'headers'> & { caller?: Caller };

/**
 * The cause of an HTTP command, from which its event ids are derived. With an `Idempotency-Key`
 * it is scoped to who sent it, to what (method and path, which names the resource) and the key,
 * so a resend appends nothing twice while the same key used by someone else, or for another
 * alert or interview, is a different command. Without a key it is fresh (no retry protection).
 */
export function causeOfRequest(request: CommandRequest): string {
  const header = request.headers['idempotency-key'];
  const key = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!key) return `http/${randomUUID()}`;
  const path = request.originalUrl.split('?')[0];
  const sub = request.caller?.sub ?? 'anonymous';
  return `http/${sub}/${request.method} ${path}/${key.slice(0, 200)}`;
}

/** The command's cause as a controller parameter: `@CommandCause() cause: string`. */
export const CommandCause = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string =>
    causeOfRequest(context.switchToHttp().getRequest<CommandRequest>()),
);
