// A tiny history router: the path is state; links push it; the app server answers index.html for all.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const CHANGE = 'homeward:navigate';

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  dispatchEvent(new Event(CHANGE));
}

/**
 * Goes to `to` in place of this address (Back does not return to the redirect). After the
 * render, so every usePath on the page (the nav's aria-current too) is listening when it moves.
 */
export function Redirect(props: { to: string }): JSX.Element {
  useEffect(() => navigate(props.to, { replace: true }), [props.to]);
  return <p role="status">Opening your home page…</p>;
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    addEventListener('popstate', update);
    addEventListener(CHANGE, update);
    return () => {
      removeEventListener('popstate', update);
      removeEventListener(CHANGE, update);
    };
  }, []);
  return path;
}

export function Link(props: {
  href: string;
  children: ComponentChildren;
  'aria-current'?: 'page';
}): JSX.Element {
  const onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(props.href);
  };
  return (
    <a href={props.href} onClick={onClick} aria-current={props['aria-current']}>
      {props.children}
    </a>
  );
}

/** `/children/:childId` against `/children/abc` → { childId: 'abc' }; null when it does not match. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.replace(/\/+$/, '').split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}
