import type { FieldError } from '../shared/errors';
import { ageInYearsAt, isBefore } from '../shared/time';

/** Police and Homeward clocks drift; a report a few minutes "in the future" is not an error. */
export const CLOCK_SKEW_TOLERANCE_MINUTES = 5;

const tolerance = (receivedAt: string) =>
  new Date(Date.parse(receivedAt) + CLOCK_SKEW_TOLERANCE_MINUTES * 60_000).toISOString();

export function notInFuture(field: string, at: string, receivedAt: string): FieldError[] {
  return isBefore(tolerance(receivedAt), at)
    ? [{ field, message: `must not be in the future (received at ${receivedAt})` }]
    : [];
}

/**
 * A child is a child until 18: 16- and 17-year-olds get the same protection. An 18th birthday
 * after the child went missing does not end the episode, so age is taken when last seen.
 */
export function childAgeErrors(
  dateOfBirth: string,
  lastSeenAt: string,
  receivedAt: string,
  field = 'child.dateOfBirth',
): FieldError[] {
  if (isBefore(receivedAt, dateOfBirth)) {
    return [{ field, message: 'date of birth must not be in the future' }];
  }
  if (isBefore(lastSeenAt, dateOfBirth)) {
    return [{ field, message: 'date of birth must be before the time the child was last seen' }];
  }
  if (ageInYearsAt(dateOfBirth, lastSeenAt) >= 18) {
    return [
      {
        field,
        message: 'the person was 18 or over when last seen; Homeward records children under 18',
      },
    ];
  }
  return [];
}
