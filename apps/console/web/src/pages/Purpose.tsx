import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { session } from '../api/client';

/** Asked once per session before any child-level read; sent as X-Purpose on every GET. */
export function PurposeForm(props: { onSet: () => void; asked?: boolean }): JSX.Element {
  const [value, setValue] = useState(session.purpose() ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const purpose = value.trim();
    if (!purpose) {
      setError('Say why you are looking: it is recorded in the audit with every look.');
      return;
    }
    session.setPurpose(purpose);
    props.onSet();
  };
  return (
    <main id="main">
      <h1>Why are you looking?</h1>
      <p>
        Every look at a child's record is recorded with the reason you give. You are asked once
        while you are signed in.
      </p>
      {props.asked && (
        <p role="alert">The server asked for your purpose again before showing this record.</p>
      )}
      <form onSubmit={submit} noValidate>
        <label for="purpose">Why are you looking? e.g. preparing return interviews</label>
        <input
          id="purpose"
          name="purpose"
          type="text"
          value={value}
          maxLength={500}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'purpose-error' : undefined}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        {error && (
          <p id="purpose-error" class="error">
            {error}
          </p>
        )}
        <button type="submit">Continue</button>
      </form>
    </main>
  );
}
