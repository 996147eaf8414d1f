// The chair's minutes of a CMOG meeting with its decisions, and an amendment with its reason.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { GetAnswer, PostBody } from '../api/types';
import { FieldError, TextField, useSubmit } from '../forms';
import { shortId } from '../time';

type Meeting = GetAnswer<'/api/v1/cmog/meetings/{meetingId}'>;
type MinutesBody = PostBody<'/api/v1/cmog/meetings/{meetingId}/minutes'>;
type AmendBody = PostBody<'/api/v1/cmog/meetings/{meetingId}/minutes/amendments'>;
interface Decision {
  childId: string;
  decision: string;
}

function DecisionsEditor(props: {
  value: Decision[];
  agendaChildren: string[];
  errors: Record<string, string>;
  onChange: (next: Decision[]) => void;
}): JSX.Element {
  const change = (i: number, patch: Partial<Decision>) =>
    props.onChange(props.value.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <fieldset>
      <legend>Decisions</legend>
      {props.value.length === 0 && <p>No decision added yet.</p>}
      {props.value.map((d, i) => (
        <div key={i} class="decision">
          <p>
            <label for={`decision-${i}-child`}>Decision {i + 1} is about </label>
            <select
              id={`decision-${i}-child`}
              value={d.childId}
              onChange={(e) => change(i, { childId: e.currentTarget.value })}
            >
              <option value="">No one child</option>
              {props.agendaChildren.map((id) => (
                <option key={id} value={id}>
                  Child {shortId(id)}
                </option>
              ))}
            </select>
            <FieldError
              id={`decision-${i}-child-error`}
              message={props.errors[`decisions.${i}.childId`]}
            />
          </p>
          <TextField
            id={`decision-${i}`}
            label={`Decision ${i + 1}`}
            rows={2}
            value={d.decision}
            error={props.errors[`decisions.${i}.decision`]}
            onInput={(decision) => change(i, { decision })}
          />
          <button
            type="button"
            onClick={() => props.onChange(props.value.filter((_, j) => j !== i))}
          >
            Remove decision {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => props.onChange([...props.value, { childId: '', decision: '' }])}
      >
        Add a decision
      </button>
    </fieldset>
  );
}

const decisionsOf = (m: Meeting): Decision[] =>
  (m.minutes?.decisions ?? []).map((d) => ({ childId: d.childId ?? '', decision: d.decision }));

/**
 * The minutes and decisions: recorded once, then only amended with a reason (the first record
 * and every amendment stay in the meeting's history).
 */
export function MinutesForm(props: {
  meeting: Meeting;
  onDone: (m: Meeting) => void;
}): JSX.Element {
  const { meeting } = props;
  const amending = meeting.minutes !== null;
  const [minutes, setMinutes] = useState(meeting.minutes?.minutes ?? '');
  const [decisions, setDecisions] = useState<Decision[]>(decisionsOf(meeting));
  const [reason, setReason] = useState('');
  const { busy, errors, failure, run } = useSubmit();
  const children = meeting.agenda.children.map((c) => c.childId);
  const url = `/api/v1/cmog/meetings/${encodeURIComponent(meeting.meetingId)}/minutes`;
  const submit = (event: Event) => {
    event.preventDefault();
    void run(async (idempotencyKey) => {
      const sent: MinutesBody = {
        minutes,
        decisions: decisions.map((d) => ({
          ...(d.childId ? { childId: d.childId } : {}),
          decision: d.decision,
        })),
      };
      const answer = amending
        ? await api.post<Meeting>(`${url}/amendments`, { ...sent, reason } satisfies AmendBody, {
            idempotencyKey,
          })
        : await api.post<Meeting>(url, sent, { idempotencyKey });
      setReason('');
      props.onDone(answer);
    });
  };
  const title = amending ? 'Amend the minutes' : 'Record the minutes';
  return (
    <form onSubmit={submit} aria-labelledby="minutes-title">
      <h2 id="minutes-title">{title}</h2>
      <TextField
        id="minutes"
        label="Minutes"
        rows={8}
        value={minutes}
        error={errors.minutes}
        onInput={setMinutes}
      />
      <DecisionsEditor
        value={decisions}
        agendaChildren={children}
        errors={errors}
        onChange={setDecisions}
      />
      {amending && (
        <TextField
          id="amend-reason"
          label="Why the minutes are amended"
          rows={2}
          value={reason}
          error={errors.reason}
          onInput={setReason}
        />
      )}
      <button type="submit" disabled={busy}>
        {title}
      </button>
      <FieldError id="minutes-failure" message={failure ?? undefined} />
    </form>
  );
}
