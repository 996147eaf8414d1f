import { useEffect, useState } from 'preact/hooks';
import { listen } from './api/client';

/** The lists the server's live feed names (GET /api/v1/live): which read model changed. */
export type LiveList = 'interviews' | 'alerts' | 'timeline';

/**
 * A number that goes up whenever one of `lists` changes on the server, and when `again()` is
 * called (after the page's own write): give it to a read as its reload key. The page reads the
 * list again itself, so what it shows is scoped and audited like any read.
 */
export function useLive(lists: readonly LiveList[]): { version: number; again: () => void } {
  const [version, setVersion] = useState(0);
  const key = lists.join(',');
  useEffect(
    () =>
      listen((list) => {
        if ((lists as readonly string[]).includes(list)) setVersion((n) => n + 1);
      }),
    // The lists, by value: a new array of the same names does not reconnect.
    [key],
  );
  return { version, again: () => setVersion((n) => n + 1) };
}
