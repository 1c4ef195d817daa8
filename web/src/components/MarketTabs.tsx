/** Market mode's sections under one navigation entry ("Market"): the offers and the buyers. Markets themselves live on a festival edition. */
import { Link } from '../lib/router';

const SECTIONS = [
  { to: '/offers', label: 'Offers' },
  { to: '/buyers', label: 'Buyers' },
] as const;

export function MarketTabs({ current }: { current: 'offers' | 'buyers' }) {
  return (
    <nav aria-label="Market" className="segmented-buttons market-tabs">
      {SECTIONS.map((s) => (
        <Link
          key={s.to}
          to={s.to}
          className={`seg${s.to === `/${current}` ? ' is-on' : ''}`}
          aria-current={s.to === `/${current}` ? 'page' : undefined}
        >
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
