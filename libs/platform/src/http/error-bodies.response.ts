/* The two error shapes every Homeward route answers with (see DomainExceptionFilter). */

export class FieldErrorBody {
  /** Dotted path of the bad field, e.g. `child.dateOfBirth` or `foundWith.0.name`; `(body)` for the body itself. */
  field!: string;
  message!: string;
}

/** 400: every bad field at once. */
export class ValidationErrorsBody {
  errors!: FieldErrorBody[];
}

/** 401, 403, 404, 409 and 503. */
export class ErrorBody {
  /** The HTTP status again. */
  statusCode!: number;
  /** Its reason phrase, e.g. `Conflict`. */
  error!: string;
  /** What went wrong, for a person to read. */
  message!: string;
}
