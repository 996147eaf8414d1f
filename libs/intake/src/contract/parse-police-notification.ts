import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { childAgeErrors, notInFuture, type FieldError } from '@homeward/domain';
import { flattenValidationErrors, unsafeInputErrors } from '@homeward/platform';
import {
  DTO_FOR_TYPE,
  NOTIFICATION_TYPES,
  NotificationEnvelopeDto,
  type NotificationType,
  type PoliceNotification,
} from './police-notification.dto';

export type ParseResult =
  { ok: true; notification: PoliceNotification } | { ok: false; errors: FieldError[] };

/**
 * Validates a police notification body and names every bad field at once: shape and types
 * first, then the rules that need the clock (dates in the future, a person 18 or over).
 * Shared by every channel (HTTP now, Kafka later) so the contract is enforced in one place.
 */
export function parsePoliceNotification(body: unknown, receivedAt: string): ParseResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: [{ field: '(body)', message: 'must be a JSON object' }] };
  }
  // Before transformation: Kafka messages do not pass the HTTP pipe that refuses these.
  const unsafe = unsafeInputErrors(body);
  if (unsafe.length > 0) return { ok: false, errors: unsafe };
  const type = (body as { type?: unknown }).type;
  const dtoClass = NOTIFICATION_TYPES.includes(type as NotificationType)
    ? DTO_FOR_TYPE[type as NotificationType]
    : NotificationEnvelopeDto;
  const dto = plainToInstance(dtoClass, body, { enableImplicitConversion: false });
  const errors = flattenValidationErrors(
    validateSync(dto, { whitelist: true, forbidUnknownValues: false }),
  );
  const bad = new Set(errors.map((e) => e.field));
  errors.push(...clockErrors(dto as PoliceNotification, bad, receivedAt));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, notification: dto as PoliceNotification };
}

function clockErrors(n: PoliceNotification, bad: Set<string>, receivedAt: string): FieldError[] {
  const errors: FieldError[] = [];
  const valid = (field: string) => !bad.has(field);
  if (valid('occurredAt') && typeof n.occurredAt === 'string') {
    errors.push(...notInFuture('occurredAt', n.occurredAt, receivedAt));
  }
  const child = 'child' in n ? n.child : undefined;
  if (child && valid('child.dateOfBirth') && valid('occurredAt') && !bad.has('child')) {
    errors.push(...childAgeErrors(child.dateOfBirth, n.occurredAt, receivedAt));
  }
  if (n.type === 'CHILD_FOUND' && n.returnedAt && valid('returnedAt')) {
    errors.push(...notInFuture('returnedAt', n.returnedAt, receivedAt));
    if (valid('occurredAt') && Date.parse(n.returnedAt) < Date.parse(n.occurredAt)) {
      errors.push({
        field: 'returnedAt',
        message: 'the child cannot have returned before being found',
      });
    }
  }
  return errors;
}
