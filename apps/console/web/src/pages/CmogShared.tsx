import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { SessionMe } from '../api/types';
import { Link } from '../router';
import { ALERT_TYPE_WORDS } from './Alerts';

/** Reads a GET answer; errors in the API's words (the purpose form takes over when it asks). */
export function useRead<T>(
  path: string | null,
  reload = 0,
): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    // Read again at the same address: what is shown stays until the new answer replaces it.
    if (shown.current !== path) setData(null);
    shown.current = path;
    setError(null);
    if (!path) return;
    api.get<T>(path).then(setData, (err: unknown) => {
      if (err instanceof ApiError && err.needsPurpose) return;
      setError(err instanceof Error ? err.message : String(err));
    });
  }, [path, reload]);
  return { data, error };
}

/**
 * useRead for a list that a write of this page changes. A read model follows the write's
 * answer by a moment, so after `afterWrite(caughtUp)` it reads again (every 250 ms, 20 times at
 * most) until `caughtUp` says the list shows the write.
 */
export function useReadAfterWrite<T>(path: string): {
  data: T | null;
  error: string | null;
  afterWrite: (caughtUp: (data: T) => boolean) => void;
} {
  const [reload, setReload] = useState(0);
  const [until, setUntil] = useState<{ caughtUp: (data: T) => boolean; tries: number } | null>(
    null,
  );
  const read = useRead<T>(path, reload);
  useEffect(() => {
    if (!until || !read.data) return;
    if (until.caughtUp(read.data) || until.tries >= 20) {
      setUntil(null);
      return;
    }
    const timer = setTimeout(() => {
      setUntil((u) => u && { ...u, tries: u.tries + 1 });
      setReload((n) => n + 1);
    }, 250);
    return () => clearTimeout(timer);
  }, [read.data, until]);
  return {
    ...read,
    afterWrite: (caughtUp) => {
      setUntil({ caughtUp, tries: 0 });
      setReload((n) => n + 1);
    },
  };
}

export const isCmog = (roles: string[]): boolean =>
  roles.includes('cmog-member') || roles.includes('cmog-chair');
export const mayReadCmog = (roles: string[]): boolean =>
  isCmog(roles) || roles.includes('safeguarding-manager');

/** An alert's type in words (the one table is the alerts screen's). */
export const alertWords = (type: string): string =>
  (ALERT_TYPE_WORDS as Record<string, string>)[type] ?? type;

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
