// Recording an action agreed at CMOG, deferring it with a reason, and recording its outcome.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { PostAnswer, PostBody } from '../api/types';
import { FieldError, InputField, TextField, useSubmit } from '../forms';
import { shortId } from '../time';
import { formatDay } from './CmogShared';

type RecordBody = PostBody<'/api/v1/cmog/actions'>;
type DeferBody = PostBody<'/api/v1/cmog/actions/{actionId}/defer'>;
type CompleteBody = PostBody<'/api/v1/cmog/actions/{actionId}/complete'>;
export type ActionResult = PostAnswer<'/api/v1/cmog/actions'>;

const actionUrl = (actionId: string, verb: 'defer' | 'complete') =>
  `/api/v1/cmog/actions/${encodeURIComponent(actionId)}/${verb}`;

function Failure(props: { id: string; failure: string | null }): JSX.Element | null {
  return <FieldError id={props.id} message={props.failure ?? undefined} />;
}

/** An action agreed at this meeting: one named owner, their agency, a due date, the outcome sought. */
export function RecordActionForm(props: {
  meetingId: string;
  /** The children on the meeting's agenda, any of whom the action may be about. */
  agendaChildren: string[];
  onDone: (action: ActionResult) => void;
}): JSX.Element {
  const blank = { childId: '', description: '', owner: '', agency: '', dueOn: '', outcome: '' };
  const [form, setForm] = useState(blank);
  const { busy, errors, failure, run } = useSubmit();
  const set = (field: keyof typeof blank) => (value: string) =>
    setForm((f) => ({ ...f, [field]: value }));
  const submit = (event: Event) => {
    event.preventDefault();
    void run(async (idempotencyKey) => {
      const body: RecordBody = {
        meetingId: props.meetingId,
        ...(form.childId ? { childId: form.childId } : {}),
        description: form.description.trim(),
        owner: form.owner.trim(),
        agency: form.agency.trim(),
        dueOn: form.dueOn,
        intendedOutcome: form.outcome.trim(),
      };
      const action = await api.post<ActionResult>('/api/v1/cmog/actions', body, {
        idempotencyKey,
      });
      setForm(blank);
      props.onDone(action);
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="record-action-title">
      <h2 id="record-action-title">Record an action agreed at this meeting</h2>
      <p>
        <label for="action-child">About </label>
        <select
          id="action-child"
          value={form.childId}
          onChange={(e) => set('childId')(e.currentTarget.value)}
        >
          <option value="">No one child (the group, a place or a person of concern)</option>
          {props.agendaChildren.map((id) => (
            <option key={id} value={id}>
              Child {shortId(id)}
            </option>
          ))}
        </select>
        <FieldError id="action-child-error" message={errors.childId} />
      </p>
      <TextField
        id="action-description"
        label="Action"
        rows={3}
        value={form.description}
        error={errors.description}
        onInput={set('description')}
      />
      <InputField
        id="action-owner"
        label="Owner"
        hint="One named person, who answers for the action at the next meeting."
        value={form.owner}
        error={errors.owner}
        onInput={set('owner')}
      />
      <InputField
        id="action-agency"
        label="Owner's agency"
        value={form.agency}
        error={errors.agency}
        onInput={set('agency')}
      />
      <InputField
        id="action-due"
        label="Due on"
        type="date"
        value={form.dueOn}
        error={errors.dueOn}
        onInput={set('dueOn')}
      />
      <TextField
        id="action-outcome"
        label="Intended outcome"
        rows={2}
        value={form.outcome}
        error={errors.intendedOutcome}
        onInput={set('outcome')}
      />
      <button
        type="submit"
        disabled={busy}
        aria-describedby={failure ? 'record-action-failure' : undefined}
      >
        Record the action
      </button>
      <Failure id="record-action-failure" failure={failure} />
    </form>
  );
}

/** Moves the due date, with the reason: every deferral stays in the register. */
export function DeferActionForm(props: {
  actionId: string;
  dueOn: string;
  onDone: (action: ActionResult) => void;
}): JSX.Element {
  const [newDueOn, setNewDueOn] = useState('');
  const [reason, setReason] = useState('');
  const { busy, errors, failure, run } = useSubmit();
  const submit = (event: Event) => {
    event.preventDefault();
    void run(async (idempotencyKey) => {
      const body: DeferBody = { newDueOn, reason: reason.trim() };
      props.onDone(
        await api.post<ActionResult>(actionUrl(props.actionId, 'defer'), body, { idempotencyKey }),
      );
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="defer-title">
      <h3 id="defer-title">Defer it (now due {formatDay(props.dueOn)})</h3>
      <InputField
        id="defer-due"
        label="New due date"
        type="date"
        value={newDueOn}
        error={errors.newDueOn}
        onInput={setNewDueOn}
      />
      <TextField
        id="defer-reason"
        label="Why it is deferred"
        rows={2}
        value={reason}
        error={errors.reason}
        onInput={setReason}
      />
      <button type="submit" disabled={busy}>
        Defer the action
      </button>
      <Failure id="defer-failure" failure={failure} />
    </form>
  );
}

/** Records the action as done, with what came of it. */
export function CompleteActionForm(props: {
  actionId: string;
  onDone: (action: ActionResult) => void;
}): JSX.Element {
  const [outcome, setOutcome] = useState('');
  const { busy, errors, failure, run } = useSubmit();
  const submit = (event: Event) => {
    event.preventDefault();
    void run(async (idempotencyKey) => {
      const body: CompleteBody = { outcome: outcome.trim() };
      props.onDone(
        await api.post<ActionResult>(actionUrl(props.actionId, 'complete'), body, {
          idempotencyKey,
        }),
      );
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="complete-title">
      <h3 id="complete-title">Record it as done</h3>
      <TextField
        id="complete-outcome"
        label="What came of it"
        rows={2}
        value={outcome}
        error={errors.outcome}
        onInput={setOutcome}
      />
      <button type="submit" disabled={busy}>
        Record the action as done
      </button>
      <Failure id="complete-failure" failure={failure} />
    </form>
  );
}
