/**
 * A title: what it is (credits, source, companies), where it has been
 * (festivals, releases, box office), who holds which rights (map, timeline,
 * contracts) and where each fact comes from.
 */
import { canWrite, useAuth } from '../lib/auth';
import { takeFlash } from '../lib/flash';
import { useApi, useRecordEdits } from '../lib/hooks';
import { useCountries } from '../lib/reference';
import { Link } from '../lib/router';
import { ContractTable } from '../components/contracts';
import { BoxOfficePanel, ReleasesPanel } from '../components/MarketEditors';
import { RecordHistory, RecordLoadError } from '../components/RecordHistory';
import { RightsTimeline } from '../components/RightsTimeline';
import { Badge, DoneNotice, Empty, Loading, Section } from '../components/ui';
import { AvailabilityMap, GroupMap } from './title/AvailabilityMap';
import { Credits, Production } from './title/Credits';
import type { TitleDetail } from './title/detail';
import { FestivalHistory } from './title/FestivalHistory';
import { BoxOffice, MarketPicture, Releases } from './title/MarketRecord';
import { timelineBars, useContractDetails } from './title/rights';
import { SeriesEpisodes } from './title/SeriesEpisodes';
import { Sources } from './title/Sources';
import { TitleActions } from './title/TitleActions';

export default function TitlePage({ params }: { params: Record<string, string> }) {
  const id = params.id;
  const t = useApi<TitleDetail>(`/api/titles/${encodeURIComponent(id)}`);
  const countries = useCountries();
  const contracts = useContractDetails(t.data?.contracts);
  const { user } = useAuth();
  const writable = canWrite(user);
  const { flash, setFlash: setFlashHere, version, changed } = useRecordEdits(t.reload, takeFlash);
  if (t.error)
    return (
      <RecordLoadError
        error={t.error}
        retry={t.reload}
        crumb={<Link to="/catalog">Catalog</Link>}
        flash={flash}
        entity="titles"
        id={id}
        what="title"
        writable={writable}
        onRestored={(skipped) => changed(`Restored.${skipped.length ? ` Not brought back: ${skipped.join('; ')}.` : ''}`)}
        notFound={
          <Empty title="This title does not exist.">
            It may have been merged into another record. Find it in the <Link to="/catalog">catalog</Link>.
          </Empty>
        }
      />
    );
  if (!t.data) return <Loading what="Loading the title" />;
  const d = t.data;
  const name = d.englishTitle || d.originalTitle;
  const directors = d.credits.filter((c) => c.role === 'director');
  const bars = contracts ? timelineBars(d.id, contracts) : [];
  const selections = d.selections ?? [];
  const awards = d.awards ?? [];
  const aliases = (d.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.alias)).filter((a) => a !== name && a !== d.originalTitle);

  return (
    <div className="page page--wide title-page">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/catalog">Catalog</Link> <span aria-hidden="true">/</span>{' '}
        {[...(d.series?.ancestors ?? [])].reverse().map((a) => (
          <span key={a.id}>
            <Link to={`/titles/${encodeURIComponent(a.id)}`}>{a.name}</Link> <span aria-hidden="true">/</span>{' '}
          </span>
        ))}
        <span aria-current="page">{name}</span>
      </nav>
      <header className="title-head">
        <div>
          <h1>
            {name} {d.year && <span className="title-year">({d.year})</span>}
          </h1>
          <p className="title-meta">
            {d.originalTitle && d.originalTitle !== name && <span lang={d.languages?.[0]}>{d.originalTitle}</span>}
            {directors.length > 0 && (
              <span>
                Directed by{' '}
                {directors.map((c, i) => (
                  <span key={c.person.id}>
                    {i > 0 && ', '}
                    <Link to={`/people/${encodeURIComponent(c.person.id)}`}>{c.person.name}</Link>
                  </span>
                ))}
              </span>
            )}
            {d.countries.length > 0 && <span>{d.countries.map((c) => countries.byCode?.get(c) ?? c).join(', ')}</span>}
            {d.runtimeMinutes ? <span>{d.runtimeMinutes} min</span> : null}
            {d.series && <span>{seriesLine(d.series)}</span>}
            {d.productionStatus && <Badge value={d.productionStatus} />}
          </p>
          {aliases.length > 0 && <p className="muted small">Also known as {aliases.join(', ')}</p>}
        </div>
        <div className="page-actions">
          {writable && (
            <TitleActions
              d={d}
              onMerged={(m) => changed(m)}
              onDeleted={() => {
                setFlashHere(`${name} was deleted. Restore it below if that was a mistake.`);
                t.reload();
              }}
            />
          )}
          <Link to={`/avails?titles=${encodeURIComponent(d.id)}`} className="btn">
            Avails for this title
          </Link>
          <Link to={`/deals/new?title=${encodeURIComponent(d.id)}`} className="btn btn--primary">
            New deal for this title
          </Link>
        </div>
      </header>
      <DoneNotice message={flash}>
        <button
          type="button"
          className="btn btn--ghost btn--small notice-close"
          aria-label="Dismiss"
          onClick={() => setFlashHere(undefined)}
        >
          ×
        </button>
      </DoneNotice>
      <nav className="jump" aria-label="On this page">
        <a href="#availability">Availability</a>
        <a href="#timeline">Rights timeline</a>
        <a href="#contracts">Contracts</a>
        <a href="#festivals">Festivals</a>
        <a href="#releases">Releases &amp; box office</a>
        <a href="#credits">Credits</a>
        <a href="#sources">Sources</a>
        <a href="#history">History</a>
      </nav>

      {d.series && d.series.children.length > 0 ? (
        <Section title={d.series.kind === 'series' ? 'Seasons and episodes' : 'Episodes'} id="availability">
          <SeriesEpisodes titleId={d.id} place={d.series} />
          <GroupMap titleId={d.id} titleLabel={name} contracts={contracts ?? d.contracts ?? []} kind={d.series.kind} />
        </Section>
      ) : (
        <Section title="Availability" id="availability">
          <AvailabilityMap titleId={d.id} titleLabel={name} contracts={contracts ?? d.contracts ?? []} />
        </Section>
      )}

      <div className="title-grid">
        <div className="title-main">
          <Section title="Rights timeline" id="timeline">
            {!contracts ? (
              <Loading what="Loading contracts" />
            ) : bars.length ? (
              <RightsTimeline bars={bars} />
            ) : (
              <Empty title="No rights recorded for this title.">
                Record the rights-in agreement (the mandate or acquisition) first, then sales:{' '}
                <Link to={`/deals/new?title=${encodeURIComponent(d.id)}`}>new deal</Link>.
              </Empty>
            )}
          </Section>
          <Section title={`Contracts (${d.contracts?.length ?? 0})`} id="contracts">
            <ContractTable contracts={contracts ?? d.contracts ?? []} showTitles={false} empty="No contract names this title yet." />
          </Section>
          {Array.isArray(d.marketPicture) && (
            <Section
              title="Who holds what"
              id="market"
              actions={<Link to={`/market/${encodeURIComponent(d.id)}`}>Market picture by territory, with sources</Link>}
            >
              <MarketPicture rows={d.marketPicture} />
            </Section>
          )}
          <Section title="Festival history" id="festivals">
            <FestivalHistory selections={selections} awards={awards} />
          </Section>
          <Section title="Releases and box office" id="releases">
            <div className="grid-2 grid-2--tight">
              <div>
                <h3 className="h3">Releases</h3>
                {writable ? (
                  <ReleasesPanel titleId={d.id} rows={d.releases ?? []} writable onChanged={() => changed()} />
                ) : (
                  <Releases rows={d.releases ?? []} names={countries.byCode} />
                )}
              </div>
              <div>
                <h3 className="h3">Box office</h3>
                {writable ? (
                  <BoxOfficePanel
                    titleId={d.id}
                    rows={d.boxOffice ?? []}
                    writable
                    onChanged={() => changed()}
                    chart={(d.boxOffice ?? []).length ? <BoxOffice rows={d.boxOffice ?? []} names={countries.byCode} /> : null}
                  />
                ) : (
                  <BoxOffice rows={d.boxOffice ?? []} names={countries.byCode} />
                )}
              </div>
            </div>
          </Section>
        </div>
        <aside className="title-side">
          <Section title="Credits" id="credits">
            <Credits credits={d.credits} />
          </Section>
          <Section title="Production">
            <Production d={d} />
          </Section>
          <Section title="Sources" id="sources">
            <Sources sources={d.sources ?? []} />
          </Section>
        </aside>
      </div>
      <RecordHistory entity="titles" id={d.id} version={version} />
    </div>
  );
}

/** "Series, continuing, 3 seasons (estimated)", "Season 2, 10 episodes", "Episode 4". */
function seriesLine(s: NonNullable<TitleDetail['series']>): string {
  const kind = s.kind.charAt(0).toUpperCase() + s.kind.slice(1);
  const parts = [s.number !== null ? `${kind} ${s.number}` : kind];
  if (s.seriesStatus) parts.push(s.seriesStatus);
  const counts = [
    s.seasonCount !== null ? `${s.seasonCount} season${s.seasonCount === 1 ? '' : 's'}` : null,
    s.episodeCount !== null ? `${s.episodeCount} episode${s.episodeCount === 1 ? '' : 's'}` : null,
  ].filter((x): x is string => x !== null);
  if (counts.length) parts.push(`${counts.join(', ')} (${s.countsFinal ? 'final' : 'estimated'})`);
  return parts.join(', ');
}
