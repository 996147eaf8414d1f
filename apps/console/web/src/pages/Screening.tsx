// The CSE screening tool, with the suggested level computed live by the domain's own code.
import type { JSX } from 'preact';
import type { GetAnswer } from '../api/types';
import { FieldError } from '../forms';
import {
  CSE_LEVELS,
  CSE_LEVEL_DESCRIPTIONS,
  MEDIUM_INDICATORS,
  SIGNIFICANT_INDICATORS,
  VULNERABILITY_FACTORS,
  levelRank,
  suggestLevel,
  type CseLevel,
  type LevelSuggestion,
  type ScreeningInput,
} from '@homeward/domain/screening';

export type Timing = '' | 'CURRENT' | 'PRIOR';

/** Everything the worker has entered on the tool (kept whole in the draft). */
export interface ScreeningState {
  significant: Record<string, Timing>;
  medium: string[];
  vulnerabilities: string[];
  /** '' = confirm the suggestion. */
  confirmedLevel: '' | CseLevel;
  overrideReason: string;
  missingEpisodesUntickReason: string;
}

export const emptyScreening = (
  prefill: Array<{ code: string; when: string }> = [],
): ScreeningState => ({
  significant: Object.fromEntries(prefill.map((p) => [p.code, p.when as Timing])),
  medium: [],
  vulnerabilities: [],
  confirmedLevel: '',
  overrideReason: '',
  missingEpisodesUntickReason: '',
});

/** The significant indicators in the order sent, so that `screening.significant.N` names one. */
export const significantSent = (s: ScreeningState): Array<{ code: string; when: string }> =>
  SIGNIFICANT_INDICATORS.filter((i) => s.significant[i.code]).map((i) => ({
    code: i.code,
    when: s.significant[i.code],
  }));

/** What the tool applies to the child, as the server recorded it today (from the interview's read). */
export type ScreeningFacts = NonNullable<
  GetAnswer<'/api/v1/interviews/{interviewId}'>['screeningPrefill']
>['context'];

/** The server's own suggestion, computed here by the same domain code from the same facts. */
export function suggestionFor(s: ScreeningState, facts: ScreeningFacts): LevelSuggestion {
  const input: ScreeningInput = {
    significant: significantSent(s),
    medium: s.medium,
    vulnerabilities: s.vulnerabilities,
  };
  return suggestLevel(input, {
    // No date of birth recorded: no floor by age, as the server decides it too.
    ageAtInterview: facts.ageToday ?? 18,
    learningDisability: facts.learningDisability,
    repeatThresholdMet: facts.repeatThresholdMet,
  });
}

export const LEVEL_WORDS = (level: CseLevel): string => CSE_LEVEL_DESCRIPTIONS[level].label;

const toggled = (list: string[], code: string, on: boolean): string[] =>
  on ? [...new Set([...list, code])] : list.filter((c) => c !== code);

export function ScreeningTool(props: {
  value: ScreeningState;
  onChange: (next: ScreeningState) => void;
  /** Codes the server pre-filled (marked so). */
  prefilled: string[];
  facts: ScreeningFacts;
  errors: Record<string, string>;
}): JSX.Element {
  const s = props.value;
  const set = (patch: Partial<ScreeningState>) => props.onChange({ ...s, ...patch });
  const suggestion = suggestionFor(s, props.facts);
  const sent = significantSent(s);
  const errorFor = (code: string): string | undefined => {
    const i = sent.findIndex((x) => x.code === code);
    return i === -1
      ? undefined
      : (props.errors[`screening.significant.${i}.when`] ??
          props.errors[`screening.significant.${i}.code`] ??
          props.errors[`screening.significant.${i}`]);
  };
  const below =
    s.confirmedLevel !== '' && levelRank(s.confirmedLevel) < levelRank(suggestion.level);
  const missingUnticked =
    props.prefilled.includes('MISSING_EPISODES') && s.significant.MISSING_EPISODES !== 'CURRENT';

  return (
    <section aria-labelledby="screening-heading">
      <h3 id="screening-heading">CSE screening tool</h3>
      <p>
        Tick what the interview found; Homeward suggests a level and you confirm it or choose
        another, with a reason when it is lower.
      </p>
      <p data-testid="screening-facts">
        What the tool applies to this child, as recorded:{' '}
        {props.facts.ageToday === null
          ? 'no date of birth recorded, so no floor by age'
          : `aged ${props.facts.ageToday} today`}
        ; {props.facts.learningDisability ? 'a learning disability is' : 'no learning disability'}{' '}
        recorded
        {props.facts.repeatThresholdMet ? '; the repeat missing threshold is met' : ''}.
      </p>
      <fieldset>
        <legend>Significant indicators (current: now or in the past 6 months)</legend>
        {SIGNIFICANT_INDICATORS.map((item) => {
          const id = `sig-${item.code}`;
          const error = errorFor(item.code);
          const pre = props.prefilled.includes(item.code);
          return (
            <p key={item.code}>
              <label for={id}>
                {item.label}
                {pre && (
                  <span class="tag"> (pre-filled: the child met the repeat missing threshold)</span>
                )}
              </label>
              <select
                id={id}
                value={s.significant[item.code] ?? ''}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(e) =>
                  set({
                    significant: {
                      ...s.significant,
                      [item.code]: e.currentTarget.value as Timing,
                    },
                  })
                }
              >
                <option value="">Not present</option>
                <option value="CURRENT">Current (past 6 months)</option>
                <option value="PRIOR">Prior (before 6 months ago)</option>
              </select>
              <FieldError id={`${id}-error`} message={error} />
            </p>
          );
        })}
        {(missingUnticked || props.errors['screening.missingEpisodesUntickReason']) && (
          <p>
            <label for="missing-untick-reason">
              Why "Periods of absence/missing" is no longer current
            </label>
            <textarea
              id="missing-untick-reason"
              rows={2}
              value={s.missingEpisodesUntickReason}
              aria-describedby={
                props.errors['screening.missingEpisodesUntickReason']
                  ? 'missing-untick-reason-error'
                  : undefined
              }
              onInput={(e) => set({ missingEpisodesUntickReason: e.currentTarget.value })}
            />
            <FieldError
              id="missing-untick-reason-error"
              message={props.errors['screening.missingEpisodesUntickReason']}
            />
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>Medium indicators</legend>
        {MEDIUM_INDICATORS.map((item) => (
          <label key={item.code} class="check">
            <input
              type="checkbox"
              checked={s.medium.includes(item.code)}
              onChange={(e) =>
                set({ medium: toggled(s.medium, item.code, e.currentTarget.checked) })
              }
            />{' '}
            {item.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Vulnerability factors</legend>
        {VULNERABILITY_FACTORS.map((item) => (
          <label key={item.code} class="check">
            <input
              type="checkbox"
              checked={s.vulnerabilities.includes(item.code)}
              onChange={(e) =>
                set({
                  vulnerabilities: toggled(s.vulnerabilities, item.code, e.currentTarget.checked),
                })
              }
            />{' '}
            {item.label}
          </label>
        ))}
      </fieldset>
      <div role="status" aria-live="polite" class="suggestion">
        <h4 data-testid="suggested-level">Suggested level: {LEVEL_WORDS(suggestion.level)}</h4>
        <p>{CSE_LEVEL_DESCRIPTIONS[suggestion.level].description}</p>
        <ul>
          {suggestion.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      </div>
      <p>
        <label for="confirmed-level">Level you confirm</label>
        <select
          id="confirmed-level"
          value={s.confirmedLevel}
          aria-describedby={
            props.errors['screening.confirmedLevel'] ? 'confirmed-level-error' : undefined
          }
          onChange={(e) => set({ confirmedLevel: e.currentTarget.value as '' | CseLevel })}
        >
          <option value="">The suggested level ({LEVEL_WORDS(suggestion.level)})</option>
          {CSE_LEVELS.map((level) => (
            <option key={level} value={level}>
              {LEVEL_WORDS(level)}
            </option>
          ))}
        </select>
        <FieldError id="confirmed-level-error" message={props.errors['screening.confirmedLevel']} />
      </p>
      {(below || s.overrideReason || props.errors['screening.overrideReason']) && (
        <p>
          <label for="override-reason">
            Why you confirm a level {below ? 'below' : 'other than'} the suggestion
          </label>
          <textarea
            id="override-reason"
            rows={3}
            value={s.overrideReason}
            aria-describedby={
              props.errors['screening.overrideReason'] ? 'override-reason-error' : undefined
            }
            onInput={(e) => set({ overrideReason: e.currentTarget.value })}
          />
          <FieldError
            id="override-reason-error"
            message={props.errors['screening.overrideReason']}
          />
        </p>
      )}
    </section>
  );
}
