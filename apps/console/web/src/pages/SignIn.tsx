import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, session } from '../api/client';
import type { SessionStarted, SessionUser } from '../api/types';

type State =
  | { kind: 'loading' }
  | { kind: 'off' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; users: SessionUser[] };

export function SignIn(props: { onSignedIn: (started: SessionStarted) => void }): JSX.Element {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.get<SessionUser[]>('/api/v1/session/users').then(
      (users) => setState({ kind: 'ready', users }),
      (err: unknown) =>
        setState(
          err instanceof ApiError && err.status === 404
            ? { kind: 'off' }
            : { kind: 'error', message: err instanceof Error ? err.message : String(err) },
        ),
    );
  }, []);

  const choose = async (user: SessionUser) => {
    setBusy(user.id);
    setError(null);
    try {
      const started = await api.post<SessionStarted>('/api/v1/session', { userId: user.id });
      session.setToken(started.token);
      props.onSignedIn(started);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <main id="main">
      <h1>Sign in to Homeward</h1>
      {state.kind === 'loading' && <p role="status">Loading the local users…</p>}
      {state.kind === 'off' && (
        <p role="alert">
          Local sign-in is off on this server. Ask your administrator how to sign in here.
        </p>
      )}
      {state.kind === 'error' && (
        <p role="alert">The list of local users could not be loaded: {state.message}</p>
      )}
      {state.kind === 'ready' && (
        <>
          <p>
            This server uses the local development key: choose who you are signing in as. Each
            person sees only the children they work with.
          </p>
          {error && <p role="alert">Sign-in failed: {error}</p>}
          <ul class="users">
            {state.users.map((user) => (
              <li key={user.id}>
                <button
                  type="button"
                  aria-label={user.name}
                  aria-describedby={`user-${user.id}`}
                  disabled={busy !== null}
                  onClick={() => void choose(user)}
                >
                  <strong>{user.name}</strong>
                </button>
                <span id={`user-${user.id}`} class="user-facts">
                  {user.roles.join(', ')}
                  {user.organisation ? ` · ${user.organisation}` : ''}
                  {user.localAuthorities && user.localAuthorities.length > 0
                    ? ` · ${user.localAuthorities.join(', ')}`
                    : ''}
                </span>
              </li>
            ))}
          </ul>
          {state.users.length === 0 && <p>No local users are set up on this server.</p>}
        </>
      )}
    </main>
  );
}
