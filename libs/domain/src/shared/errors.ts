/** One problem with one field of an incoming command or notification. */
export interface FieldError {
  /** Dotted path into the notification body, e.g. `child.dateOfBirth`. */
  field: string;
  message: string;
}

/**
 * The command contradicts what Homeward already knows (a second open episode, a found
 * notification for a closed episode...). Nothing is written; the caller is told why.
 */
export class RuleViolation extends Error {
  override readonly name = 'RuleViolation';
  constructor(message: string) {
    super(message);
  }
}

/** The command itself is malformed in a way only the domain can see (found before last seen...). */
export class InvalidCommand extends Error {
  override readonly name = 'InvalidCommand';
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
}

/**
 * The caller may not do this to this record (only the allocated worker records a contact attempt
 * or completes the interview). Nothing is written.
 */
export class ActionNotPermitted extends Error {
  override readonly name = 'ActionNotPermitted';
  constructor(message: string) {
    super(message);
  }
}

/** The command names a record Homeward does not have (an unknown interview id). */
export class RecordNotFound extends RuleViolation {
  constructor(message: string) {
    super(message);
  }
}
