import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, session } from '../api/client';
import type {
  IdentityProviderOption,
  SessionStarted,
  SessionUser,
  SignInOptions,
} from '../api/types';
import { completeSignIn, signInAtProvider, signInFailure } from '../oidc';
import { navigate } from '../router';

const failed = (err: unknown): string => (err instanceof Error ? err.message : String(err));

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; provider: IdentityProviderOption | null; users: SessionUser[] | null };

/** The server says how people sign in here: the identity provider, local users, or both. */
export function SignIn(props: { onSignedIn: (name: string) => void }): JSX.Element {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    (async () => {
      const options = await api.get<SignInOptions>('/api/v1/session/sign-in-options');
      const users = options.local ? await api.get<SessionUser[]>('/api/v1/session/users') : null;
      setState({ kind: 'ready', provider: options.identityProvider, users });
    })().catch((err: unknown) => setState({ kind: 'error', message: failed(err) }));
  }, []);

  return (
    <main id="main">
      <h1>Sign in to Homeward</h1>
      {state.kind === 'loading' && <p role="status">Loading how to sign in…</p>}
      {state.kind === 'error' && (
        <p role="alert">How to sign in here could not be loaded: {state.message}</p>
      )}
      {state.kind === 'ready' && state.provider && <ProviderSignIn provider={state.provider} />}
      {state.kind === 'ready' && state.users && (
        <LocalSignIn users={state.users} onSignedIn={props.onSignedIn} />
      )}
      {state.kind === 'ready' && !state.provider && !state.users && (
        <p role="alert">
          Sign-in is not set up on this server. Ask your administrator how to sign in here.
        </p>
      )}
    </main>
  );
}

function ProviderSignIn(props: { provider: IdentityProviderOption }): JSX.Element {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const go = () => {
    setBusy(true);
    setError(null);
    signInAtProvider(props.provider).catch((err: unknown) => {
      setError(signInFailure(err));
      setBusy(false);
    });
  };
  return (
    <section aria-labelledby="provider-heading">
      <h2 id="provider-heading">With your organisation’s account</h2>
      <p>
        You sign in at your identity provider ({new URL(props.provider.issuer).host}); Homeward
        never sees your password.
      </p>
      {error && <p role="alert">Sign-in could not start: {error}</p>}
      <button type="button" disabled={busy} onClick={go}>
        Sign in with your organisation’s account
      </button>
    </section>
  );
}

function LocalSignIn(props: {
  users: SessionUser[];
  onSignedIn: (name: string) => void;
}): JSX.Element {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choose = async (user: SessionUser) => {
    setBusy(user.id);
    setError(null);
    try {
      const started = await api.post<SessionStarted>('/api/v1/session', { userId: user.id });
      session.setToken(started.token);
      props.onSignedIn(started.user.name);
    } catch (err) {
      setError(failed(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section aria-labelledby="local-heading">
      <h2 id="local-heading">As a local user</h2>
      <p>
        This server uses the local development key: choose who you are signing in as. Each person
        sees only the children they work with.
      </p>
      {error && <p role="alert">Sign-in failed: {error}</p>}
      <ul class="users">
        {props.users.map((user) => (
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
              {user.localAuthorities.length > 0 ? ` · ${user.localAuthorities.join(', ')}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {props.users.length === 0 && <p>No local users are set up on this server.</p>}
    </section>
  );
}

/**
 * /signed-in: back from the identity provider. Completes the sign-in once (a reload of this
 * address finds nothing pending and says so), then opens the person's home page.
 */
export function SignedIn(props: { onSignedIn: (name: string | null) => void }): JSX.Element {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    completeSignIn(new URL(location.href)).then(
      ({ accessToken, name }) => {
        session.setToken(accessToken);
        navigate('/', { replace: true });
        props.onSignedIn(name);
      },
      (err: unknown) => setError(signInFailure(err)),
    );
  }, []);
  return (
    <main id="main">
      <h1>Signing you in</h1>
      {error ? (
        <>
          <p role="alert">Sign-in did not complete: {error}</p>
          <p>
            <a href="/">Back to sign-in</a>
          </p>
        </>
      ) : (
        <p role="status">Checking your sign-in with your identity provider…</p>
      )}
    </main>
  );
}
