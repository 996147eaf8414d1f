import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { SessionMe } from '../api/types';
import { Link } from '../router';

/** Reads a GET answer; errors in the API's words (the purpose form takes over when it asks). */
export function useRead<T>(
  path: string | null,
  reload = 0,
): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setData(null);
    setError(null);
    if (!path) return;
    api.get<T>(path).then(setData, (err: unknown) => {
      if (err instanceof ApiError && err.needsPurpose) return;
      setError(err instanceof Error ? err.message : String(err));
    });
  }, [path, reload]);
  return { data, error };
}

export const isCmog = (roles: string[]): boolean =>
  roles.includes('cmog-member') || roles.includes('cmog-chair');
export const mayReadCmog = (roles: string[]): boolean =>
  isCmog(roles) || roles.includes('safeguarding-manager');

const ALERT_WORDS: Record<string, string> = {
  ABSENT_PATTERN: 'Pattern of absence',
  ALERT_UNACKNOWLEDGED: 'Alert not acknowledged',
  ASSOCIATION: 'Association between children',
  BREAK_GLASS_ACCESS: 'Record opened outside the authority',
  CMOG_LISTING: 'Listed for CMOG',
  HOTSPOT: 'Hotspot',
  OUT_OF_AREA: 'Out of area',
  REPEAT_MISSING: 'Repeat missing',
  RI_OVERDUE: 'Return interview overdue',
  RI_UNALLOCATED: 'Return interview not allocated',
  SOCIAL_CARE_REFERRAL_REQUIRED: 'Social care referral needed',
  STRATEGY_MEETING_REQUIRED: 'Strategy meeting needed',
};
export const alertWords = (type: string): string => ALERT_WORDS[type] ?? type;

export const ATTENTION_WORDS: Record<string, string> = {
  OVERDUE: 'Overdue',
  DEFERRED_TWICE: 'Deferred twice or more',
};

export const STATUS_WORDS: Record<string, string> = {
  OPEN: 'Open',
  ACKNOWLEDGED: 'Acknowledged',
  ESCALATED: 'Escalated',
  CLOSED: 'Closed',
  DONE: 'Done',
};

/** A date (YYYY-MM-DD) in words. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  const d = new Date(`${day.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The authorities of the signed-in user ('*' or none: they type one). */
export function AuthorityPicker(props: {
  me: SessionMe;
  value: string;
  onChange: (value: string) => void;
  id: string;
}): JSX.Element | null {
  const mine = (props.me.localAuthorities ?? []).filter((a) => a !== '*');
  if (mine.length === 1) return null;
  return (
    <p>
      <label for={props.id}>Local authority </label>
      {mine.length > 1 ? (
        <select
          id={props.id}
          value={props.value}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        >
          {mine.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={props.id}
          type="text"
          value={props.value}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        />
      )}
    </p>
  );
}

export function firstAuthority(me: SessionMe): string {
  return (me.localAuthorities ?? []).find((a) => a !== '*') ?? 'Walsall';
}

/** The CMOG screens' own navigation. */
export function CmogNav(props: { me: SessionMe; path: string }): JSX.Element {
  const here = (href: string) => (props.path === href ? 'page' : undefined);
  const chair = props.me.roles.includes('cmog-chair');
  return (
    <nav aria-label="CMOG" class="subnav">
      <ul>
        <li>
          <Link href="/cmog" aria-current={here('/cmog')}>
            Agenda
          </Link>
        </li>
        <li>
          <Link href="/cmog/hotspots" aria-current={here('/cmog/hotspots')}>
            Hotspots
          </Link>
        </li>
        <li>
          <Link href="/cmog/picture" aria-current={here('/cmog/picture')}>
            CMOG picture
          </Link>
        </li>
        <li>
          <Link href="/cmog/actions" aria-current={here('/cmog/actions')}>
            Action register
          </Link>
        </li>
        {chair && (
          <li>
            <Link href="/cmog/meetings" aria-current={here('/cmog/meetings')}>
              Open a meeting
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function Loading(props: { error: string | null; loaded: boolean; what: string }) {
  if (props.error)
    return (
      <p role="alert">
        The {props.what} could not be loaded: {props.error}
      </p>
    );
  if (!props.loaded) return <p role="status">Loading…</p>;
  return null;
}
