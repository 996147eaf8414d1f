// The CSE screening tool, with the suggested level computed live by the domain's own code.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import {
  CSE_LEVEL_DESCRIPTIONS,
  MEDIUM_INDICATORS,
  SIGNIFICANT_INDICATORS,
  VULNERABILITY_FACTORS,
  suggestLevel,
  type ScreeningInput,
} from '@homeward/domain/screening';

export function ScreeningTool(): JSX.Element {
  const [significant, setSignificant] = useState<Record<string, '' | 'CURRENT' | 'PRIOR'>>({});
  const [medium, setMedium] = useState<Set<string>>(new Set());
  const [vulnerabilities, setVulnerabilities] = useState<Set<string>>(new Set());
  const [age, setAge] = useState('');
  const [learningDisability, setLearningDisability] = useState(false);

  const input: ScreeningInput = {
    significant: Object.entries(significant)
      .filter(([, when]) => when)
      .map(([code, when]) => ({ code, when })),
    medium: [...medium],
    vulnerabilities: [...vulnerabilities],
  };
  const ageNumber = Number.parseInt(age, 10);
  const suggestion = Number.isFinite(ageNumber)
    ? suggestLevel(input, {
        ageAtInterview: ageNumber,
        learningDisability,
        repeatThresholdMet: false,
      })
    : null;
  const toggle = (set: Set<string>, code: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(code);
    else next.delete(code);
    return next;
  };

  return (
    <section aria-labelledby="screening-heading">
      <h2 id="screening-heading">CSE screening tool (working copy)</h2>
      <p>
        Tick what the interview found; Homeward suggests a level and you confirm it. Nothing here is
        saved yet: recording the interview from the console is still to come.
      </p>
      <p>
        <label for="screening-age">Child's age at the interview</label>
        <input
          id="screening-age"
          type="number"
          min={0}
          max={25}
          value={age}
          onInput={(e) => setAge(e.currentTarget.value)}
        />
        <label class="inline">
          <input
            type="checkbox"
            checked={learningDisability}
            onChange={(e) => setLearningDisability(e.currentTarget.checked)}
          />{' '}
          Has a learning disability
        </label>
      </p>
      <fieldset>
        <legend>Significant indicators (current: now or in the past 6 months)</legend>
        {SIGNIFICANT_INDICATORS.map((item) => (
          <p key={item.code}>
            <label for={`sig-${item.code}`}>{item.label}</label>
            <select
              id={`sig-${item.code}`}
              value={significant[item.code] ?? ''}
              onChange={(e) =>
                setSignificant({
                  ...significant,
                  [item.code]: e.currentTarget.value as '' | 'CURRENT' | 'PRIOR',
                })
              }
            >
              <option value="">Not present</option>
              <option value="CURRENT">Current (past 6 months)</option>
              <option value="PRIOR">Prior (before 6 months ago)</option>
            </select>
          </p>
        ))}
      </fieldset>
      <fieldset>
        <legend>Medium indicators</legend>
        {MEDIUM_INDICATORS.map((item) => (
          <label key={item.code} class="check">
            <input
              type="checkbox"
              checked={medium.has(item.code)}
              onChange={(e) => setMedium(toggle(medium, item.code, e.currentTarget.checked))}
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
              checked={vulnerabilities.has(item.code)}
              onChange={(e) =>
                setVulnerabilities(toggle(vulnerabilities, item.code, e.currentTarget.checked))
              }
            />{' '}
            {item.label}
          </label>
        ))}
      </fieldset>
      <div role="status" aria-live="polite" class="suggestion">
        {suggestion ? (
          <>
            <h3>Suggested level: {CSE_LEVEL_DESCRIPTIONS[suggestion.level].label}</h3>
            <p>{CSE_LEVEL_DESCRIPTIONS[suggestion.level].description}</p>
            <ul>
              {suggestion.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>Enter the child's age to see the suggested level.</p>
        )}
      </div>
    </section>
  );
}
