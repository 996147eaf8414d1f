// What every form of the console shares: errors beside the field the API names, the words for a
// failed submit, and labelled fields that point at their hint and their error.
import type { JSX, TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from './api/client';

/** `errors:[{field,message}]` of a 400, keyed by field; null when the failure is not a 400. */
export function fieldErrors(err: unknown): Record<string, string> | null {
  if (!(err instanceof ApiError) || err.status !== 400 || !err.body?.errors) return null;
  const map: Record<string, string> = {};
  for (const e of err.body.errors)
    map[e.field] = map[e.field] ? `${map[e.field]}; ${e.message}` : e.message;
  return map;
}

/** What to say beside the button when a submit failed. */
export function failureWords(err: unknown, kept: boolean): string {
  const keptWords = kept ? ' Everything you entered is kept in this browser: try again.' : '';
  if (!(err instanceof ApiError)) return `Not sent: the network failed.${keptWords}`;
  if (err.status >= 500) return `Not saved: the server answered ${err.status}.${keptWords}`;
  if (err.status === 400) return `Not saved: correct the fields marked below.${keptWords}`;
  return `Not saved: ${err.message}${keptWords}`;
}

/** An error beside the field it names (role=alert), or nothing. */
export function FieldError(props: { id: string; message?: string }): JSX.Element | null {
  if (!props.message) return null;
  return (
    <p id={props.id} class="error" role="alert">
      {props.message}
    </p>
  );
}

const describedBy = (id: string, hint?: string, error?: string): string | undefined =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

function Hint(props: { id: string; hint?: string }): JSX.Element | null {
  if (!props.hint) return null;
  return (
    <small id={`${props.id}-hint`} class="block">
      {props.hint}
    </small>
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  onInput: (value: string) => void;
}

/** A labelled text area with its hint and its error. */
export function TextField(props: FieldProps & { rows?: number }): JSX.Element {
  return (
    <p>
      <label for={props.id}>{props.label}</label>
      <Hint id={props.id} hint={props.hint} />
      <textarea
        id={props.id}
        rows={props.rows ?? 4}
        cols={70}
        value={props.value}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? true : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <FieldError id={`${props.id}-error`} message={props.error} />
    </p>
  );
}

/** A labelled one-line input (text or date) with its hint and its error. */
export function InputField(props: FieldProps & { type?: 'text' | 'date' }): JSX.Element {
  const attributes = {
    id: props.id,
    value: props.value,
    'aria-describedby': describedBy(props.id, props.hint, props.error),
    'aria-invalid': props.error ? true : undefined,
    onInput: (e: TargetedEvent<HTMLInputElement>) => props.onInput(e.currentTarget.value),
  };
  return (
    <p>
      <label for={props.id}>{props.label} </label>
      <Hint id={props.id} hint={props.hint} />
      {props.type === 'date' ? <input type="date" {...attributes} /> : <input {...attributes} />}
      <FieldError id={`${props.id}-error`} message={props.error} />
    </p>
  );
}

/**
 * One submit at a time: errors by field, the failure in words beside the button. The key is
 * sent as Idempotency-Key, and kept until the submit succeeds, so a resend after a lost answer
 * records nothing twice.
 */
export function useSubmit(): {
  busy: boolean;
  errors: Record<string, string>;
  failure: string | null;
  run: (send: (idempotencyKey: string) => Promise<void>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const run = async (send: (idempotencyKey: string) => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      await send(key);
      setKey(crypto.randomUUID());
    } catch (err) {
      setErrors(fieldErrors(err) ?? {});
      setFailure(failureWords(err, false));
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, failure, run };
}
