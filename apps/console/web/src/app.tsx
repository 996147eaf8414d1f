import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, onApiError, session } from './api/client';
import { clearAllDrafts } from './drafts';
import type { SessionMe } from './api/types';
import { SIGNED_IN_PATH, signOutAtProvider } from './oidc';
import { AlertsPage } from './pages/Alerts';
import { AuditPage } from './pages/Audit';
import { BoardPage } from './pages/Board';
import { ChildPage } from './pages/Child';
import { CmogPages, isCmog, mayReadCmog } from './pages/Cmog';
import { DeliveriesPage } from './pages/Deliveries';
import { InterviewDetailPage } from './pages/InterviewDetail';
import { DashboardPage } from './pages/Dashboard';
import { InterviewList } from './pages/Interviews';
import { PurposeForm } from './pages/Purpose';
import { ReviewPage } from './pages/Review';
import { ReferralsPage } from './pages/Referrals';
import { SignIn, SignedIn } from './pages/SignIn';
import { Link, Redirect, match, navigate, usePath } from './router';

const NAME_KEY = 'homeward.name';

/** The roles the access policy lets read alerts (ALERT_READERS): each sees its own audiences. */
const ALERT_READERS = [
  'ri-coordinator',
  'social-care',
  'cmog-member',
  'cmog-chair',
  'safeguarding-manager',
  'auditor',
];
const mayReadAlerts = (roles: string[]): boolean => roles.some((r) => ALERT_READERS.includes(r));

/** Each role's first screen; null for a role with none (a police system works through the API). */
function homeFor(roles: string[]): string | null {
  if (roles.includes('ri-coordinator')) return '/queue';
  if (roles.includes('ri-worker')) return '/my-interviews';
  if (isCmog(roles)) return '/cmog';
  if (roles.includes('social-care')) return '/referrals';
  if (roles.includes('safeguarding-manager')) return '/alerts';
  if (roles.includes('auditor')) return '/audit';
  if (roles.includes('admin')) return '/deliveries';
  return null;
}

/** Child-level pages: the purpose is asked first, and again when the API asks for it. */
function WithPurpose(props: { children: JSX.Element }): JSX.Element {
  const [purpose, setPurpose] = useState(session.purpose());
  const [asked, setAsked] = useState(false);
  useEffect(
    () =>
      onApiError((error) => {
        if (!error.needsPurpose) return;
        session.clearPurpose();
        setAsked(true);
        setPurpose(null);
      }),
    [],
  );
  if (!purpose) return <PurposeForm asked={asked} onSet={() => setPurpose(session.purpose())} />;
  return props.children;
}

function Header(props: { me: SessionMe; onSignOut: () => void }): JSX.Element {
  const name = sessionStorage.getItem(NAME_KEY);
  const roles = props.me.roles;
  const path = usePath();
  const here = (href: string) => (path === href ? 'page' : undefined);
  return (
    <header class="site">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <p class="brand">Homeward staff console</p>
      <nav aria-label="Main">
        <ul>
          {roles.includes('ri-coordinator') && (
            <li>
              <Link href="/queue" aria-current={here('/queue')}>
                Interview queue
              </Link>
            </li>
          )}
          {roles.includes('ri-coordinator') && (
            <li>
              <Link href="/reviews" aria-current={here('/reviews')}>
                Interviews to review
              </Link>
            </li>
          )}
          {roles.includes('ri-worker') && (
            <li>
              <Link href="/my-interviews" aria-current={here('/my-interviews')}>
                My interviews
              </Link>
            </li>
          )}
          {roles.includes('social-care') && (
            <li>
              <Link href="/referrals" aria-current={here('/referrals')}>
                Referrals
              </Link>
            </li>
          )}
          {mayReadAlerts(roles) && (
            <li>
              <Link href="/alerts" aria-current={here('/alerts')}>
                Alerts
              </Link>
            </li>
          )}
          {roles.includes('safeguarding-manager') &&
            [
              ['/dashboard', 'Deadlines dashboard'],
              ['/board', 'Board figures'],
            ].map(([href, words]) => (
              <li key={href}>
                <Link href={href} aria-current={here(href)}>
                  {words}
                </Link>
              </li>
            ))}
          {(roles.includes('admin') || roles.includes('safeguarding-manager')) && (
            <li>
              <Link href="/deliveries" aria-current={here('/deliveries')}>
                Alert deliveries
              </Link>
            </li>
          )}
          {roles.includes('auditor') && (
            <li>
              <Link href="/audit" aria-current={here('/audit')}>
                Audit
              </Link>
            </li>
          )}
          {mayReadCmog(roles) && (
            <li>
              <Link href="/cmog" aria-current={path.startsWith('/cmog') ? 'page' : undefined}>
                CMOG
              </Link>
            </li>
          )}
        </ul>
      </nav>
      <p class="who" data-testid="signed-in-as">
        Signed in as <strong>{name ?? props.me.sub}</strong>
        {name && name !== props.me.sub ? ` (${props.me.sub})` : ''} · role{' '}
        {roles.length === 1 ? '' : 's '}
        {roles.join(', ')}
        {props.me.organisation ? ` · ${props.me.organisation}` : ''}
      </p>
      {session.purpose() && <p class="purpose">Purpose: {session.purpose()}</p>}
      <button type="button" onClick={props.onSignOut}>
        Sign out
      </button>
    </header>
  );
}

function Page(props: { me: SessionMe; path: string }): JSX.Element {
  const { me, path } = props;
  if (path === '/' || path === '') {
    const home = homeFor(me.roles);
    if (home) return <Redirect to={home} />;
    return (
      <main id="main">
        <h1>No console screens for your role</h1>
        <p>
          The console has no screens for {me.roles.join(', ') || 'a sign-in without a role'}. Police
          systems send their notifications through the API (see the{' '}
          <a href="/api/docs">API reference</a>).
        </p>
      </main>
    );
  }
  if (path === '/queue')
    return (
      <WithPurpose>
        <InterviewList mode="queue" />
      </WithPurpose>
    );
  if (path === '/my-interviews')
    return (
      <WithPurpose>
        <InterviewList mode="mine" />
      </WithPurpose>
    );
  if (path === '/reviews')
    return (
      <WithPurpose>
        <ReviewPage />
      </WithPurpose>
    );
  // The audit and the deliveries are not child-level data (access-policy.ts): no purpose asked.
  if (path === '/audit') return <AuditPage />;
  if (path === '/deliveries') return <DeliveriesPage />;
  const safeguarding: Record<string, () => JSX.Element> = {
    '/referrals': () => <ReferralsPage />,
    '/alerts': () => <AlertsPage />,
    '/dashboard': () => <DashboardPage />,
    '/board': () => <BoardPage />,
  };
  if (safeguarding[path]) return <WithPurpose>{safeguarding[path]()}</WithPurpose>;
  if (path === '/cmog' || path.startsWith('/cmog/'))
    return (
      <WithPurpose>
        <CmogPages me={me} path={path} />
      </WithPurpose>
    );
  const interview = match('/interviews/:interviewId', path);
  if (interview)
    return (
      <WithPurpose>
        <InterviewDetailPage interviewId={interview.interviewId} />
      </WithPurpose>
    );
  const child = match('/children/:childId', path);
  if (child)
    return (
      <WithPurpose>
        <ChildPage childId={child.childId} roles={me.roles} />
      </WithPurpose>
    );
  return (
    <main id="main">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link href="/">Go to your home page</Link>.
      </p>
    </main>
  );
}

export function App(): JSX.Element {
  const path = usePath();
  const [token, setToken] = useState(session.token());
  const [me, setMe] = useState<SessionMe | null>(null);
  const [error, setError] = useState<string | null>(null);

  const endSession = () => {
    session.clear();
    sessionStorage.removeItem(NAME_KEY);
    setMe(null);
    setToken(null);
    navigate('/');
  };
  /**
   * Signing out forgets the drafts too; an expired sign-in (401) keeps them. Signed in at the
   * identity provider, the session there ends too and the provider sends the person back here.
   */
  const signOut = () => {
    clearAllDrafts();
    endSession();
    void signOutAtProvider();
  };
  const signedIn = (name: string | null) => {
    if (name) sessionStorage.setItem(NAME_KEY, name);
    else sessionStorage.removeItem(NAME_KEY);
    setToken(session.token());
  };

  useEffect(() => onApiError((e) => e.status === 401 && endSession()), []);

  useEffect(() => {
    if (!token) return;
    setError(null);
    api.get<SessionMe>('/api/v1/session/me').then(setMe, (err: unknown) => {
      if (err instanceof ApiError && err.status === 401) return; // signed out by the listener
      setError(err instanceof Error ? err.message : String(err));
    });
  }, [token]);

  if (path === SIGNED_IN_PATH) return <SignedIn onSignedIn={signedIn} />;
  if (!token) return <SignIn onSignedIn={signedIn} />;
  if (error)
    return (
      <main id="main">
        <h1>Homeward</h1>
        <p role="alert">Your sign-in could not be checked: {error}</p>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </main>
    );
  if (!me) return <p role="status">Checking your sign-in…</p>;
  return (
    <>
      <Header me={me} onSignOut={signOut} />
      <Page me={me} path={path} />
    </>
  );
}
