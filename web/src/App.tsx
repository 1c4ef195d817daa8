/**
 * The shell: sign-in gate, the top navigation and the routes. Every page is
 * its own chunk (React.lazy), so the first screen loads only what it needs.
 */
import { lazy, Suspense, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { AuthProvider, useAuth } from './lib/auth';
import { Link, match, navigate, useLocation } from './lib/router';
import { Loading } from './components/ui';
import { AppFooter } from './components/AppFooter';

type Page = LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;

const SignIn = lazy(() => import('./pages/SignIn'));
const routes: Array<{ path: string; page: Page; nav?: string; adminOnly?: boolean }> = [
  { path: '/', page: lazy(() => import('./pages/Home')), nav: 'Home' },
  { path: '/catalog', page: lazy(() => import('./pages/Catalog')), nav: 'Catalog' },
  { path: '/titles/new', page: lazy(() => import('./pages/TitleEditor')) },
  { path: '/titles/:id/edit', page: lazy(() => import('./pages/TitleEditor')) },
  { path: '/titles/:id', page: lazy(() => import('./pages/TitlePage')) },
  { path: '/avails', page: lazy(() => import('./pages/Avails')), nav: 'Avails' },
  { path: '/deals', page: lazy(() => import('./pages/Deals')), nav: 'Deals' },
  { path: '/deals/new', page: lazy(() => import('./pages/DealEditor')) },
  { path: '/deals/:id', page: lazy(() => import('./pages/DealEditor')) },
  { path: '/festivals', page: lazy(() => import('./pages/Festivals')), nav: 'Festivals' },
  { path: '/festivals/:id', page: lazy(() => import('./pages/Festivals')) },
  { path: '/editions/:id', page: lazy(() => import('./pages/Edition')) },
  { path: '/companies', page: lazy(() => import('./pages/Companies')), nav: 'Companies' },
  { path: '/companies/:id', page: lazy(() => import('./pages/Company')) },
  { path: '/people', page: lazy(() => import('./pages/People')), nav: 'People' },
  { path: '/people/:id', page: lazy(() => import('./pages/Person')) },
  { path: '/import', page: lazy(() => import('./pages/Import')), nav: 'Import/Export' },
  { path: '/export', page: lazy(() => import('./pages/Import')) },
  { path: '/articles', page: lazy(() => import('./pages/Articles')), nav: 'Articles' },
  { path: '/articles/:id', page: lazy(() => import('./pages/Articles')) },
  { path: '/market/:id', page: lazy(() => import('./pages/ArticlesMarket')) },
  { path: '/money', page: lazy(() => import('./pages/Money')) },
  { path: '/offers', page: lazy(() => import('./pages/offers/Offers')), nav: 'Market' },
  { path: '/offers/:id', page: lazy(() => import('./pages/offers/OfferPage')) },
  // buyers (market mode, docs/market.md)
  { path: '/buyers', page: lazy(() => import('./pages/buyers/Buyers')) },
  { path: '/buyers/:id', page: lazy(() => import('./pages/buyers/Buyer')) },
  { path: '/markets/:id', page: lazy(() => import('./pages/market/Market')) },
  { path: '/admin', page: lazy(() => import('./pages/Admin')), nav: 'Admin', adminOnly: true },
];

function section(pathname: string): string {
  if (pathname.startsWith('/titles')) return '/catalog';
  if (pathname.startsWith('/deals')) return '/deals';
  if (pathname.startsWith('/editions') || pathname.startsWith('/festivals') || pathname.startsWith('/markets/')) return '/festivals';
  if (pathname.startsWith('/companies')) return '/companies';
  if (pathname.startsWith('/people')) return '/people';
  if (pathname.startsWith('/articles')) return '/articles';
  if (pathname === '/export') return '/import';
  if (pathname.startsWith('/offers')) return '/offers';
  if (pathname.startsWith('/buyers')) return '/offers';
  return pathname;
}

function Shell() {
  const { user, signOut } = useAuth();
  const { pathname } = useLocation();
  // On a narrow screen the navigation folds behind a menu button; following a link folds it again.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setMenuOpen(false);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  useEffect(() => {
    if (user === null && pathname !== '/signin')
      navigate(`/signin?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  }, [user, pathname]);

  if (user === undefined) return <Loading what="Opening filmrights" />;
  if (pathname === '/signin' || user === null)
    return (
      <Suspense fallback={<Loading />}>
        <SignIn />
      </Suspense>
    );

  let page: { Page: Page; params: Record<string, string> } | undefined;
  for (const r of routes) {
    const params = match(r.path, pathname);
    if (params) {
      page = { Page: r.page, params };
      break;
    }
  }
  const current = section(pathname);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand" aria-label="filmrights home">
          <span className="brand-mark" aria-hidden="true">
            F
          </span>
          filmrights
        </Link>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="mainnav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span className="menu-icon" aria-hidden="true" />
          Menu
        </button>
        <nav aria-label="Main" className={`mainnav-wrap${menuOpen ? ' is-open' : ''}`}>
          <ul className="mainnav" id="mainnav">
            {routes
              .filter((r) => r.nav && (!r.adminOnly || user.role === 'admin'))
              .map((r) => (
                <li key={r.path}>
                  <Link to={r.path} aria-current={current === r.path ? 'page' : undefined}>
                    {r.nav}
                  </Link>
                </li>
              ))}
            <li className="mainnav-extra">
              <Link to="/admin">Your account ({user.username})</Link>
            </li>
            <li className="mainnav-extra">
              <button type="button" className="linklike" onClick={() => void signOut()}>
                Sign out
              </button>
            </li>
          </ul>
        </nav>
        <div className="topbar-user">
          <Link to="/deals/new" className="btn btn--primary btn--small">
            New deal
          </Link>
          <Link to="/admin" className="user-name" title={`Role: ${user.role}. Your account and API tokens`}>
            {user.username}
          </Link>
          <button type="button" className="btn btn--ghost btn--small sign-out" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          {page ? (
            <page.Page key={pathname} params={page.params} />
          ) : (
            <div className="page">
              <h1>Page not found</h1>
              <p>
                There is nothing at <code>{pathname}</code>. Go to the <Link to="/catalog">catalog</Link> or <Link to="/">home</Link>.
              </p>
            </div>
          )}
        </Suspense>
      </main>
      <AppFooter />
    </div>
  );
}

export function App() {
  return (
    <AuthProvider>
      <Shell />
    </AuthProvider>
  );
}
