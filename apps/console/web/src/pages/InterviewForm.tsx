// The return-interview record (with the screening tool), and the decline and not-possible outcomes.
import type { JSX } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { GetAnswer, PostAnswer, PostBody } from '../api/types';
import { clearDraft, interviewDraftKey, loadDraft, saveDraft } from '../drafts';
import { FieldError, TextField, failureWords, fieldErrors } from '../forms';
import { ScreeningTool, emptyScreening, significantSent, type ScreeningState } from './Screening';

type CompleteBody = PostBody<'/api/v1/interviews/{interviewId}/complete'>;
type ScreeningPrefill = NonNullable<
  GetAnswer<'/api/v1/interviews/{interviewId}'>['screeningPrefill']
>;
type Completed = PostAnswer<'/api/v1/interviews/{interviewId}/complete'>;
type DeclineBody = PostBody<'/api/v1/interviews/{interviewId}/decline'>;
type NotPossibleBody = PostBody<'/api/v1/interviews/{interviewId}/not-possible'>;

interface Location {
  description: string;
  postcode: string;
  premisesType: string;
}
interface Associate {
  name: string;
  relationship: string;
  description: string;
}

/** Every field of the form: this is what the draft keeps. */
export interface InterviewDraft {
  conductedAt: string;
  screening: ScreeningState;
  locations: Location[];
  associates: Associate[];
  pushFactors: string;
  pullFactors: string;
  childsVoice: string;
  disclosures: string;
}

/** A datetime-local value for now (local time, to the minute). */
export function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

const isoOf = (local: string): string => {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
};

const newDraft = (prefill: Array<{ code: string; when: string }>): InterviewDraft => ({
  conductedAt: localNow(),
  screening: emptyScreening(prefill),
  locations: [],
  associates: [],
  pushFactors: '',
  pullFactors: '',
  childsVoice: '',
  disclosures: '',
});

const filled = (o: object): boolean => Object.values(o).some((v) => String(v).trim() !== '');
const trimmed = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(o)
      .map(([k, v]) => [k, String(v).trim()])
      .filter(([, v]) => v !== ''),
  ) as Partial<T>;

export function InterviewRecordForm(props: {
  interviewId: string;
  /** What the tool starts with and the facts it applies to the child. */
  prefill: ScreeningPrefill;
  amending: boolean;
  onRecorded: (answer: Completed) => void;
}): JSX.Element {
  const key = interviewDraftKey(props.interviewId);
  const [draft, setDraft] = useState<InterviewDraft>(
    () => loadDraft<InterviewDraft>(key) ?? newDraft(props.prefill.significant),
  );
  const [restored] = useState(() => loadDraft<InterviewDraft>(key) !== null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Saved as the change is rendered, not after the next paint: a reload straight after typing
  // must not lose the last words.
  useLayoutEffect(() => saveDraft(key, draft), [key, draft]);

  const set = (patch: Partial<InterviewDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const prefilled = props.prefill.significant.map((p) => p.code);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const s = draft.screening;
    const body: CompleteBody = {
      conductedAt: isoOf(draft.conductedAt),
      screening: {
        significant: significantSent(s),
        medium: s.medium,
        vulnerabilities: s.vulnerabilities,
        ...(s.confirmedLevel ? { confirmedLevel: s.confirmedLevel } : {}),
        ...(s.overrideReason.trim() ? { overrideReason: s.overrideReason.trim() } : {}),
        ...(s.missingEpisodesUntickReason.trim()
          ? { missingEpisodesUntickReason: s.missingEpisodesUntickReason.trim() }
          : {}),
      },
      locationsVisited: draft.locations.filter(filled).map((l) => ({
        ...trimmed(l),
        description: l.description.trim(),
      })),
      associates: draft.associates.filter(filled).map((a) => trimmed(a)),
      pushFactors: draft.pushFactors,
      pullFactors: draft.pullFactors,
      childsVoice: draft.childsVoice,
      disclosures: draft.disclosures,
    };
    try {
      const answer = await api.post<Completed>(
        `/api/v1/interviews/${encodeURIComponent(props.interviewId)}/complete`,
        body,
      );
      clearDraft(key);
      setErrors({});
      props.onRecorded(answer);
    } catch (err) {
      setErrors(fieldErrors(err) ?? {});
      setFailure(failureWords(err, true));
    } finally {
      setBusy(false);
    }
  };

  const locationRow = (l: Location, i: number) => {
    const update = (patch: Partial<Location>) =>
      set({ locations: draft.locations.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
    const base = `location-${i}`;
    const error = errors[`locationsVisited.${i}.description`] ?? errors[`locationsVisited.${i}`];
    return (
      <fieldset key={i}>
        <legend>Place {i + 1}</legend>
        <label for={`${base}-description`}>Where (description)</label>
        <input
          id={`${base}-description`}
          type="text"
          size={50}
          value={l.description}
          aria-describedby={error ? `${base}-error` : undefined}
          onInput={(e) => update({ description: e.currentTarget.value })}
        />
        <FieldError id={`${base}-error`} message={error} />
        <label for={`${base}-postcode`}>Postcode (if known)</label>
        <input
          id={`${base}-postcode`}
          type="text"
          size={10}
          value={l.postcode}
          onInput={(e) => update({ postcode: e.currentTarget.value })}
        />
        <label for={`${base}-premises`}>Type of place (house, park, shop…)</label>
        <input
          id={`${base}-premises`}
          type="text"
          value={l.premisesType}
          onInput={(e) => update({ premisesType: e.currentTarget.value })}
        />
        <p>
          <button
            type="button"
            onClick={() => set({ locations: draft.locations.filter((_, j) => j !== i) })}
          >
            Remove place {i + 1}
          </button>
        </p>
      </fieldset>
    );
  };

  const associateRow = (a: Associate, i: number) => {
    const update = (patch: Partial<Associate>) =>
      set({ associates: draft.associates.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
    const base = `associate-${i}`;
    const error = errors[`associates.${i}`] ?? errors[`associates.${i}.name`];
    return (
      <fieldset key={i}>
        <legend>Person {i + 1}</legend>
        <label for={`${base}-name`}>Name (or what the child calls them)</label>
        <input
          id={`${base}-name`}
          type="text"
          value={a.name}
          aria-describedby={error ? `${base}-error` : undefined}
          onInput={(e) => update({ name: e.currentTarget.value })}
        />
        <FieldError id={`${base}-error`} message={error} />
        <label for={`${base}-relationship`}>Relationship to the child</label>
        <input
          id={`${base}-relationship`}
          type="text"
          value={a.relationship}
          onInput={(e) => update({ relationship: e.currentTarget.value })}
        />
        <label for={`${base}-description`}>Description</label>
        <input
          id={`${base}-description`}
          type="text"
          size={50}
          value={a.description}
          onInput={(e) => update({ description: e.currentTarget.value })}
        />
        <p>
          <button
            type="button"
            onClick={() => set({ associates: draft.associates.filter((_, j) => j !== i) })}
          >
            Remove person {i + 1}
          </button>
        </p>
      </fieldset>
    );
  };

  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">
        {props.amending ? 'Amend the interview record' : 'Record the interview'}
      </h2>
      <p>
        What you enter is kept as a draft in this browser until the record is saved, so a reload or
        a lost connection loses nothing.
      </p>
      {restored && (
        <p role="status" data-testid="draft-restored">
          Your draft of this interview was restored.
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>
          <label for="conducted-at">When the interview was held</label>
          <input
            id="conducted-at"
            type="datetime-local"
            value={draft.conductedAt}
            aria-describedby={errors.conductedAt ? 'conducted-at-error' : undefined}
            onInput={(e) => set({ conductedAt: e.currentTarget.value })}
          />
          <FieldError id="conducted-at-error" message={errors.conductedAt} />
        </p>
        <ScreeningTool
          value={draft.screening}
          onChange={(screening) => set({ screening })}
          prefilled={prefilled}
          facts={props.prefill.context}
          errors={errors}
        />
        <h3>Where the child went</h3>
        <FieldError id="locations-error" message={errors.locationsVisited} />
        {draft.locations.length === 0 && <p>No places added.</p>}
        {draft.locations.map(locationRow)}
        <p>
          <button
            type="button"
            onClick={() =>
              set({
                locations: [
                  ...draft.locations,
                  { description: '', postcode: '', premisesType: '' },
                ],
              })
            }
          >
            Add a place
          </button>
        </p>
        <h3>Who the child was with</h3>
        <FieldError id="associates-error" message={errors.associates} />
        {draft.associates.length === 0 && <p>No people added.</p>}
        {draft.associates.map(associateRow)}
        <p>
          <button
            type="button"
            onClick={() =>
              set({
                associates: [...draft.associates, { name: '', relationship: '', description: '' }],
              })
            }
          >
            Add a person
          </button>
        </p>
        <h3>The child's account</h3>
        <TextField
          id="push-factors"
          label="Push factors"
          hint="What made the child leave (at home, placement, school…)."
          value={draft.pushFactors}
          error={errors.pushFactors}
          onInput={(pushFactors) => set({ pushFactors })}
        />
        <TextField
          id="pull-factors"
          label="Pull factors"
          hint="What drew the child away (people, places, promises…)."
          value={draft.pullFactors}
          error={errors.pullFactors}
          onInput={(pullFactors) => set({ pullFactors })}
        />
        <TextField
          id="childs-voice"
          label="The child's voice"
          hint="What the child said, in their own words as far as possible."
          rows={6}
          value={draft.childsVoice}
          error={errors.childsVoice}
          onInput={(childsVoice) => set({ childsVoice })}
        />
        <TextField
          id="disclosures"
          label="Disclosures"
          hint="Anything the child disclosed, and what you did about it."
          value={draft.disclosures}
          error={errors.disclosures}
          onInput={(disclosures) => set({ disclosures })}
        />
        <p>
          <button
            type="submit"
            disabled={busy}
            aria-describedby={failure ? 'record-failure' : undefined}
          >
            {props.amending ? 'Save the amended record' : 'Record the interview'}
          </button>{' '}
          {busy && <span role="status">Saving…</span>}
        </p>
        {failure && (
          <p id="record-failure" class="error" role="alert">
            {failure}
          </p>
        )}
        {Object.keys(errors).length > 0 && <OtherErrors errors={errors} />}
      </form>
    </section>
  );
}

/** Errors naming a field the form does not show (listed, so nothing is silent). */
function OtherErrors(props: { errors: Record<string, string> }): JSX.Element | null {
  const shown =
    /^(conductedAt|pushFactors|pullFactors|childsVoice|disclosures|locationsVisited(\.\d+(\.description)?)?|associates(\.\d+(\.name)?)?|screening\.(confirmedLevel|overrideReason|missingEpisodesUntickReason|significant\.\d+(\.(when|code))?))$/;
  const rest = Object.entries(props.errors).filter(([field]) => !shown.test(field));
  if (rest.length === 0) return null;
  return (
    <ul class="error" role="alert">
      {rest.map(([field, message]) => (
        <li key={field}>
          {field}: {message}
        </li>
      ))}
    </ul>
  );
}

/** The child (or their carer) declined the interview. */
export function DeclineForm(props: { interviewId: string; onDone: () => void }): JSX.Element {
  const [at, setAt] = useState(localNow());
  const [reason, setReason] = useState('');
  const [carerInformation, setCarerInformation] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const body: DeclineBody = {
      at: isoOf(at),
      reason,
      ...(carerInformation.trim() ? { carerInformation } : {}),
    };
    try {
      await api.post(`/api/v1/interviews/${encodeURIComponent(props.interviewId)}/decline`, body);
      props.onDone();
    } catch (err) {
      setErrors(fieldErrors(err) ?? {});
      setFailure(failureWords(err, false));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="decline-heading">
      <h3 id="decline-heading">The interview was declined</h3>
      <p>
        <label for="decline-at">When it was declined</label>
        <input
          id="decline-at"
          type="datetime-local"
          value={at}
          aria-describedby={errors.at ? 'decline-at-error' : undefined}
          onInput={(e) => setAt(e.currentTarget.value)}
        />
        <FieldError id="decline-at-error" message={errors.at} />
      </p>
      <TextField
        id="decline-reason"
        label="Reason given"
        value={reason}
        rows={3}
        error={errors.reason}
        onInput={setReason}
      />
      <TextField
        id="decline-carer"
        label="What the carer could tell instead (optional)"
        value={carerInformation}
        rows={3}
        error={errors.carerInformation}
        onInput={setCarerInformation}
      />
      <p>
        <button type="submit" disabled={busy}>
          Record as declined
        </button>
      </p>
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}

/** No interview could be held. */
export function NotPossibleForm(props: { interviewId: string; onDone: () => void }): JSX.Element {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const body: NotPossibleBody = { reason };
    try {
      await api.post(
        `/api/v1/interviews/${encodeURIComponent(props.interviewId)}/not-possible`,
        body,
      );
      props.onDone();
    } catch (err) {
      setErrors(fieldErrors(err) ?? {});
      setFailure(failureWords(err, false));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="not-possible-heading">
      <h3 id="not-possible-heading">No interview was possible</h3>
      <TextField
        id="not-possible-reason"
        label="Why no interview could be held"
        hint="For example: moved out of area, no contact after every attempt."
        value={reason}
        rows={3}
        error={errors.reason}
        onInput={setReason}
      />
      <p>
        <button type="submit" disabled={busy}>
          Record as not possible
        </button>
      </p>
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}
