import { createHash } from 'node:crypto';
import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Caller } from '../auth/roles';
import { DEFAULT_WRITES_PER_MINUTE, type HomewardConfig } from '../config/homeward-config';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const RATE_LIMITED_MESSAGE =
  'too many writes from this caller: try again after Retry-After seconds';

type CallerRequest = { method: string; caller?: Caller };

/**
 * A caller may make RATE_LIMIT_WRITES_PER_MINUTE writes (POST, PUT, PATCH, DELETE) a minute,
 * counted per token subject (`sub`) across every write route, in this process. It runs after the
 * JWT guard (it is registered after it), so `request.caller` is the verified caller; reads,
 * public routes and police systems are not limited: a police notification of a missing child
 * is never refused for coming fast (the police side of the bench and load tests sends thousands).
 * Over the limit: 429 with Retry-After.
 */
@Injectable()
export class WriteRateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<CallerRequest>();
    if (!WRITES.has(request.method.toUpperCase())) return true;
    const caller = request.caller;
    if (!caller) return true;
    return caller.roles.length > 0 && caller.roles.every((role) => role === 'police-system');
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return (request as CallerRequest).caller!.sub;
  }

  /** One count per caller for every write route (not one per route); the `sub` is not kept as is. */
  protected override generateKey(
    _context: ExecutionContext,
    tracker: string,
    name: string,
  ): string {
    return createHash('sha256').update(`${name}:${tracker}`).digest('hex');
  }
}

/** The throttler's settings: one window of a minute. */
export function writeRateLimitOptions(config: HomewardConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      {
        ttl: 60_000,
        limit: config.rateLimit?.writesPerMinute ?? DEFAULT_WRITES_PER_MINUTE,
      },
    ],
    errorMessage: RATE_LIMITED_MESSAGE,
    // X-RateLimit-Limit/-Remaining/-Reset on limited writes, and Retry-After on a 429.
    setHeaders: true,
  };
}
