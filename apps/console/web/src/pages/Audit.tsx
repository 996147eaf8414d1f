import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { GetAnswer } from '../api/types';
import { formatDateTime, shortId } from '../time';
import { Loading, useRead } from './CmogShared';

type AuditPage = GetAnswer<'/api/v1/audit'>;
type AuditEntry = AuditPage['entries'][number];

const KIND_WORDS: Record<AuditEntry['kind'], string> = {
  READ: 'Read',
  DISCLOSURE: 'Disclosure',
  BREAK_GLASS: 'Opened outside the authority',
};

const LIMITS = [25, 100, 500];

interface Filters {
  childId: string;
  sub: string;
  /** As typed in the datetime-local fields (the browser's time zone). */
  from: string;
  to: string;
  limit: number;
}

const NONE: Filters = { childId: '', sub: '', from: '', to: '', limit: 100 };

/** A datetime-local value as an ISO 8601 instant (UTC), or null when it is not a time. */
function instant(local: string): string | null {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function auditPath(filters: Filters, after: number | null): string {
  const q = new URLSearchParams();
  if (filters.childId.trim()) q.set('childId', filters.childId.trim());
  if (filters.sub.trim()) q.set('sub', filters.sub.trim());
  const from = filters.from ? instant(filters.from) : null;
  const to = filters.to ? instant(filters.to) : null;
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  if (after !== null) q.set('after', String(after));
  q.set('limit', String(filters.limit));
  return `/api/v1/audit?${q.toString()}`;
}

/** The problems with the filters, by field: shown beside the field. */
function problems(filters: Filters): Partial<Record<keyof Filters, string>> {
  const found: Partial<Record<keyof Filters, string>> = {};
  const from = filters.from ? instant(filters.from) : null;
  const to = filters.to ? instant(filters.to) : null;
  if (filters.from && !from) found.from = 'Enter a date and time.';
  if (filters.to && !to) found.to = 'Enter a date and time.';
  if (from && to && to <= from) found.to = 'Must be after the "from" time.';
  return found;
}

/** The audit of reads and disclosures of child-level data, for the auditor: oldest first. */
export function AuditPage(): JSX.Element {
  const [draft, setDraft] = useState<Filters>(NONE);
  const [applied, setApplied] = useState<Filters>(NONE);
  const [errors, setErrors] = useState<Partial<Record<keyof Filters, string>>>({});
  /** The `after` of each page shown so far: the last is the current page. */
  const [pages, setPages] = useState<Array<number | null>>([null]);
  const after = pages[pages.length - 1] ?? null;
  /** Showing the same filters again reads the audit again (new entries may have come). */
  const [reload, setReload] = useState(0);
  const { data, error } = useRead<AuditPage>(auditPath(applied, after), reload);

  const set = (field: keyof Filters, value: string): void =>
    setDraft({ ...draft, [field]: field === 'limit' ? Number(value) : value });

  const apply = (e: Event): void => {
    e.preventDefault();
    const found = problems(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setApplied(draft);
    setPages([null]);
    setReload((r) => r + 1);
  };

  const field = (
    name: 'childId' | 'sub' | 'from' | 'to',
    label: string,
    type: 'text' | 'datetime-local',
    hint?: string,
  ): JSX.Element => {
    const id = `audit-${name}`;
    const describedBy = [hint ? `${id}-hint` : '', errors[name] ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return (
      <p>
        <label for={id}>{label}</label>{' '}
        {hint && (
          <small id={`${id}-hint`} class="block">
            {hint}
          </small>
        )}
        {errors[name] && (
          <span id={`${id}-error`} class="error block" role="alert">
            {errors[name]}
          </span>
        )}
        {type === 'text' ? (
          <input
            id={id}
            name={name}
            type="text"
            value={draft[name]}
            aria-invalid={errors[name] ? 'true' : undefined}
            aria-describedby={describedBy || undefined}
            onInput={(e) => set(name, e.currentTarget.value)}
          />
        ) : (
          <input
            id={id}
            name={name}
            type="datetime-local"
            step={1}
            value={draft[name]}
            aria-invalid={errors[name] ? 'true' : undefined}
            aria-describedby={describedBy || undefined}
            onInput={(e) => set(name, e.currentTarget.value)}
          />
        )}
      </p>
    );
  };

  return (
    <main id="main">
      <h1>Audit of reads and disclosures</h1>
      <p>
        Every read of child-level data and every disclosure: who, when, what and the purpose they
        gave. Oldest first. Reading the audit is not itself audited.
      </p>
      <form onSubmit={apply} aria-label="Filter the audit">
        {field('childId', 'Child ID', 'text', 'Entries naming this child.')}
        {field('sub', 'User ID', 'text', 'Entries of this user, e.g. coordinator-ann.')}
        {field('from', 'Recorded from', 'datetime-local', 'At or after this time (your time).')}
        {field('to', 'Recorded before', 'datetime-local', 'Before this time (your time).')}
        <p>
          <label for="audit-limit">Entries a page</label>{' '}
          <select
            id="audit-limit"
            value={String(draft.limit)}
            onChange={(e) => set('limit', e.currentTarget.value)}
          >
            {LIMITS.map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </p>
        <p>
          <button type="submit">Show entries</button>{' '}
          <button
            type="button"
            onClick={() => {
              setDraft(NONE);
              setApplied(NONE);
              setErrors({});
              setPages([null]);
            }}
          >
            Clear the filters
          </button>
        </p>
      </form>
      <Loading error={error} loaded={data !== null} what="audit" />
      {data && data.entries.length === 0 && <p>There are no entries to show.</p>}
      {data && data.entries.length > 0 && (
        <table>
          <caption>
            Audit entries (page {pages.length}, {data.entries.length} shown)
          </caption>
          <thead>
            <tr>
              <th scope="col">Entry</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Children</th>
              <th scope="col">Purpose</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {data.entries.map((e) => (
              <tr key={e.seq} data-testid={`audit-entry-${e.seq}`}>
                <td>{e.seq}</td>
                <td>
                  <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                </td>
                <td>
                  {e.sub}
                  <small class="block">
                    {e.roles.join(', ')}
                    {e.organisation ? ` · ${e.organisation}` : ''}
                  </small>
                </td>
                <td>
                  {KIND_WORDS[e.kind] ?? e.kind}
                  <small class="block">
                    <code>{e.route}</code>
                  </small>
                </td>
                <td>
                  {e.childIds.length === 0
                    ? 'None'
                    : e.childIds.map((id) => (
                        <span key={id} class="block" title={id}>
                          Child {shortId(id)}
                        </span>
                      ))}
                </td>
                <td>
                  {e.purpose ?? 'None (system disclosure)'}
                  {e.reason && <small class="block">Reason: {e.reason}</small>}
                </td>
                <td>
                  {e.result} ({e.status})
                  <small class="block">
                    {e.records} record{e.records === 1 ? '' : 's'}
                  </small>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && (pages.length > 1 || data.next !== null) && (
        <nav aria-label="Audit pages">
          <p>
            {pages.length > 1 && (
              <button type="button" onClick={() => setPages(pages.slice(0, -1))}>
                Previous page
              </button>
            )}{' '}
            {data.next !== null && (
              <button type="button" onClick={() => setPages([...pages, data.next])}>
                Next page
              </button>
            )}
          </p>
        </nav>
      )}
    </main>
  );
}
