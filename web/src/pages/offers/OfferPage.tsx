/**
 * One offer (or a new one): its terms checked live against avails while they are edited, the
 * status buttons (accepting places a hold with an expiry date, signing signs the contract), the
 * counter-offer form, every version with a diff between any two, the competing offers and the
 * history of its status.
 */
import { useEffect, useState } from 'react';
import { api, ApiError, fieldMessage } from '../../lib/api';
import { canWrite, useAuth } from '../../lib/auth';
import { addDaysIso, formatDate, formatMoney, formatTimestamp, todayIso } from '../../lib/format';
import { useApi, useDebounced } from '../../lib/hooks';
import { Link, navigate, useQueryState } from '../../lib/router';
import type { FestivalView, OfferCheck, OfferDiff, OfferTermsInput, OfferView, Ref } from '../../../../src/contract/index.js';
import { EntityPicker } from '../../components/EntityPicker';
import { Badge, Empty, ErrorNote, Field, Loading, Section } from '../../components/ui';
import { CheckGrid } from './CheckGrid';
import { draftOf, emptyDraft, TermsForm, termsOf, type TermsDraft } from './TermsForm';
import { MOVE_LABEL } from './words';
import './offers.css';

/** POST /api/offers/check for the terms being edited, after a pause in typing. */
function useLiveCheck(terms: OfferTermsInput | null, offerId?: string) {
  const key = useDebounced(terms ? JSON.stringify({ ...terms, mg: undefined, paymentSchedule: undefined, offerId }) : '', 350);
  const [state, setState] = useState<{ check?: OfferCheck; error?: string; checking: boolean }>({ checking: false });
  useEffect(() => {
    if (!key) return setState({ checking: false });
    const body = JSON.parse(key) as OfferTermsInput;
    if (!body.titleIds.length || !body.territories.trim() || !body.media.trim() || !body.start) {
      return setState({ checking: false, error: 'Name titles, territories, media and a start to check the offer.' });
    }
    const ctrl = new AbortController();
    setState((s) => ({ check: s.check, checking: true }));
    api.post<OfferCheck>('/api/offers/check', body, { signal: ctrl.signal }).then(
      (check) => setState({ check, checking: false }),
      (e: unknown) => {
        if ((e as Error).name === 'AbortError') return;
        setState({ checking: false, error: `Cannot check yet: ${fieldMessage((e as ApiError).message)}` });
      },
    );
    return () => ctrl.abort();
  }, [key]);
  return state;
}

function errorsOf(e: unknown): Record<string, string> {
  return e instanceof ApiError && e.field ? { [e.field]: fieldMessage(e.message) } : {};
}

function Competing({ list }: { list: OfferView['competing'] }) {
  if (!list.length) return <p className="muted">No other open offer asks for these rights.</p>;
  return (
    <ul className="offer-competing">
      {list.map((c) => (
        <li key={c.offer.id} className="offer-card">
          <Link to={`/offers/${c.offer.id}`}>{c.offer.ref}</Link> <Badge value={c.offer.status} />
          <div>
            <strong>{c.offer.buyer.name}</strong>
            {c.offer.mg && <span className="muted"> · MG {formatMoney(c.offer.mg)}</span>}
          </div>
          <div className="small">
            Overlap: {c.titles.map((t) => t.name).join(', ')} — {c.territoryLabel}; {c.mediaLabel}
          </div>
          <div className="small muted">
            Asks {c.offer.territoryLabel}; {c.offer.mediaLabel}, {formatDate(c.offer.start)} –{' '}
            {formatDate(c.offer.end, { open: 'perpetuity' })}
          </div>
        </li>
      ))}
    </ul>
  );
}

function NewOffer({ money }: { money: boolean }) {
  const [draft, setDraft] = useState<TermsDraft>(() => emptyDraft(todayIso()));
  // Opened from a meeting or a buyer's page: ?buyer=<company id>&buyerName=<name>&market=<edition id>
  const [query] = useQueryState();
  const [buyer, setBuyer] = useState<Ref | null>(() =>
    query.get('buyer') ? { id: query.get('buyer')!, name: query.get('buyerName') ?? query.get('buyer')! } : null,
  );
  const [market, setMarket] = useState(() => query.get('market') ?? '');
  const festivals = useApi<FestivalView[]>('/api/festivals');
  const markets = (festivals.data ?? [])
    .flatMap((f) => f.editions.map((e) => ({ id: e.id, name: `${f.shortName ?? f.name} ${e.year}`, year: e.year })))
    .sort((a, b) => b.year - a.year || a.name.localeCompare(b.name));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const terms = termsOf(draft, money);
  const live = useLiveCheck(terms);
  const save = async () => {
    if (!buyer) return setErrors({ buyerId: 'Choose the buyer' });
    setBusy(true);
    try {
      const offer = await api.post<OfferView>('/api/offers', { buyerId: buyer.id, editionId: market || null, ...terms });
      navigate(`/offers/${offer.id}`);
    } catch (e) {
      setErrors(errorsOf(e));
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page page--wide">
      <div className="page-head">
        <h1>New offer</h1>
      </div>
      <div className="offer-layout">
        <Section title="The buyer's offer">
          <Field label="Buyer" error={errors.buyerId}>
            {(p) => <EntityPicker {...p} kind="companies" value={buyer} onChange={setBuyer} placeholder="Type a company" />}
          </Field>
          <Field label="Market" error={errors.editionId} hint="Where the offer was made (optional)">
            {(p) => (
              <select {...p} value={market} onChange={(e) => setMarket(e.target.value)}>
                <option value="">—</option>
                {markets.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TermsForm draft={draft} onChange={setDraft} money={money} errors={errors} />
          {error !== undefined && !Object.keys(errors).length && <ErrorNote error={error as ApiError} />}
          <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void save()}>
            {busy ? 'Saving…' : 'Record offer'}
          </button>
        </Section>
        <Section title="Live check against avails" id="check">
          {live.error && <p className="muted">{live.error}</p>}
          {live.check && <CheckGrid check={live.check} checking={live.checking} />}
          {live.check && (
            <>
              <h3>Competing offers</h3>
              <Competing list={live.check.competing} />
            </>
          )}
        </Section>
      </div>
    </div>
  );
}

function StatusActions({ offer, onDone }: { offer: OfferView; onDone: (o: OfferView) => void }) {
  const [expires, setExpires] = useState(addDaysIso(todayIso(), 14));
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const move = async (status: OfferView['status']) => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(
        await api.post<OfferView>(
          `/api/offers/${offer.id}/status`,
          status === 'accepted' ? { status, holdExpiresOn: expires } : { status },
        ),
      );
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  if (!offer.next.length) return null;
  return (
    <div className="offer-actions">
      {offer.next.includes('accepted') && (
        <Field label="Hold until" hint="The hold on the rights lapses after this day">
          {(p) => <input {...p} type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />}
        </Field>
      )}
      <div className="offer-buttons">
        {offer.next.map((s) => (
          <button
            key={s}
            type="button"
            className={`btn btn--small${s === 'accepted' || s === 'signed' ? ' btn--primary' : ''}`}
            disabled={busy}
            onClick={() => void move(s)}
          >
            {MOVE_LABEL[s]}
          </button>
        ))}
      </div>
      {error && (
        <div className="notice notice--bad" role="alert">
          {error.message}
        </div>
      )}
    </div>
  );
}

function Versions({ offer }: { offer: OfferView }) {
  const last = offer.versions.length;
  const [from, setFrom] = useState(Math.max(1, last - 1));
  const [to, setTo] = useState(last);
  const diff = useApi<OfferDiff>(last > 1 ? `/api/offers/${offer.id}/diff?from=${from}&to=${to}` : null);
  const show = (v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (Array.isArray(v)) return v.map(show).join('; ') || '—';
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.amount === 'string' && typeof o.currency === 'string') return formatMoney({ amount: o.amount, currency: o.currency });
      return Object.values(o)
        .filter((x) => x !== null && x !== '')
        .map(show)
        .join(', ');
    }
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    return String(v);
  };
  return (
    <>
      <ol className="offer-versions">
        {offer.versions.map((v) => (
          <li key={v.version}>
            <strong>Version {v.version}</strong> · {formatTimestamp(v.createdAt)} by {v.createdBy ?? 'system'}
            {v.note && <span> — {v.note}</span>}
            <div className="small muted">
              {v.territoryLabel}; {v.mediaLabel}; {formatDate(v.start)} – {formatDate(v.end, { open: 'perpetuity' })}
              {v.mg && ` · MG ${formatMoney(v.mg)}`}
            </div>
          </li>
        ))}
      </ol>
      {last > 1 && (
        <div className="offer-diff">
          <div className="offer-row">
            <Field label="Compare version">
              {(p) => (
                <select {...p} value={from} onChange={(e) => setFrom(Number(e.target.value))}>
                  {offer.versions.map((v) => (
                    <option key={v.version}>{v.version}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="with version">
              {(p) => (
                <select {...p} value={to} onChange={(e) => setTo(Number(e.target.value))}>
                  {offer.versions.map((v) => (
                    <option key={v.version}>{v.version}</option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {diff.data && diff.data.changes.length === 0 && <p className="muted">The two versions say the same.</p>}
          {diff.data && diff.data.changes.length > 0 && (
            <table className="data offer-diff-table">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Version {diff.data.from}</th>
                  <th scope="col">Version {diff.data.to}</th>
                </tr>
              </thead>
              <tbody>
                {diff.data.changes.map((c) => (
                  <tr key={c.field}>
                    <th scope="row">{c.field}</th>
                    <td className="cell-wrap">{show(c.before)}</td>
                    <td className="cell-wrap">{show(c.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </>
  );
}

function ExistingOffer({ id, money, writable }: { id: string; money: boolean; writable: boolean }) {
  const loaded = useApi<OfferView>(`/api/offers/${encodeURIComponent(id)}`);
  const [offer, setOffer] = useState<OfferView>();
  const [editing, setEditing] = useState<TermsDraft | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  useEffect(() => setOffer(loaded.data), [loaded.data]);
  const saved = useApi<OfferCheck>(offer && !editing ? `/api/offers/${offer.id}/check?v=${offer.version}&s=${offer.status}` : null);
  const live = useLiveCheck(editing ? termsOf(editing, money) : null, id);
  if (loaded.error) return <ErrorNote error={loaded.error} retry={loaded.reload} />;
  if (!offer) return <Loading what="Loading the offer" />;
  const counter = async () => {
    try {
      setOffer(
        await api.post<OfferView>(`/api/offers/${offer.id}/versions`, {
          version: offer.version,
          note: note.trim() || null,
          ...termsOf(editing!, money),
        }),
      );
      setEditing(null);
      setNote('');
      setErrors({});
      setError(undefined);
    } catch (e) {
      setErrors(errorsOf(e));
      setError(e);
    }
  };
  const check = editing ? live.check : saved.data;
  const counterable = offer.status === 'new' || offer.status === 'in-negotiation';
  return (
    <div className="page page--wide">
      <div className="page-head">
        <h1>
          Offer {offer.ref} <Badge value={offer.status} />
        </h1>
        <div className="page-actions">
          <Link to="/offers" className="btn btn--ghost btn--small">
            All offers
          </Link>
        </div>
      </div>
      <p className="offer-summary">
        <strong>{offer.buyer.name}</strong> for {offer.titles.map((t) => t.name).join(', ')}: {offer.territoryLabel}; {offer.mediaLabel};{' '}
        {formatDate(offer.start)} – {formatDate(offer.end, { open: 'perpetuity' })}
        {offer.exclusive ? ', exclusive' : ', non-exclusive'}
        {offer.mg && <> · MG {formatMoney(offer.mg)}</>}
        {offer.market && <> · {offer.market.name}</>}
      </p>
      {offer.contract && (
        <p className="offer-contract">
          Contract <Link to={`/deals/${offer.contract.id}`}>{offer.contract.ref}</Link> <Badge value={offer.contract.status} />
          {offer.holdExpiresOn && <span className="muted"> · hold until {formatDate(offer.holdExpiresOn)}</span>}
        </p>
      )}
      {writable && <StatusActions offer={offer} onDone={setOffer} />}
      <div className="offer-layout">
        <Section
          title={editing ? `Counter-offer (version ${offer.version + 1})` : `Terms (version ${offer.version})`}
          actions={
            writable && counterable && !editing ? (
              <button type="button" className="btn btn--small" onClick={() => setEditing(draftOf(offer.current))}>
                Counter / edit
              </button>
            ) : undefined
          }
        >
          {editing ? (
            <>
              <TermsForm draft={editing} onChange={setEditing} money={money} errors={errors} />
              <Field label="Note">
                {(p) => (
                  <input {...p} type="text" value={note} onChange={(e) => setNote(e.target.value)} placeholder="What changed and why" />
                )}
              </Field>
              {error !== undefined && !Object.keys(errors).length && <ErrorNote error={error as ApiError} />}
              <div className="offer-buttons">
                <button type="button" className="btn btn--primary" onClick={() => void counter()}>
                  Save counter-offer
                </button>
                <button type="button" className="btn btn--ghost" onClick={() => setEditing(null)}>
                  Cancel
                </button>
              </div>
            </>
          ) : (
            <dl className="offer-facts">
              <dt>Languages</dt>
              <dd>{offer.current.languages?.join(', ') ?? 'All languages'}</dd>
              <dt>Term</dt>
              <dd>
                {formatDate(offer.current.start)} – {formatDate(offer.current.end, { open: 'perpetuity' })}
                {offer.current.durationMonths && ` (${offer.current.durationMonths} months)`}
              </dd>
              {offer.current.holdbacks.length > 0 && (
                <>
                  <dt>Holdbacks</dt>
                  <dd>{offer.current.holdbacks.map((h) => `${h.description} (${h.territories}; ${h.media})`).join('; ')}</dd>
                </>
              )}
              {offer.current.paymentSchedule && (
                <>
                  <dt>Payment schedule</dt>
                  <dd>
                    {offer.current.paymentSchedule.map((p) => `${p.label}${p.percent ? ` ${p.percent}%` : ''} (${p.due})`).join('; ')}
                  </dd>
                </>
              )}
              <dt>Conditions</dt>
              <dd>{offer.current.conditions ?? '—'}</dd>
            </dl>
          )}
        </Section>
        <Section
          title={
            editing
              ? 'Live check of the counter-offer'
              : offer.contract
                ? 'Check against avails (its own contract left out)'
                : 'Check against avails'
          }
          id="check"
        >
          {editing && live.error && <p className="muted">{live.error}</p>}
          {check ? <CheckGrid check={check} checking={editing ? live.checking : saved.loading} /> : <Loading what="Checking" />}
        </Section>
      </div>
      <Section title="Competing offers" id="competing">
        <Competing list={editing && live.check ? live.check.competing : offer.competing} />
      </Section>
      <Section title={`Versions (${offer.versions.length})`} id="versions">
        <Versions key={offer.version} offer={offer} />
      </Section>
      <Section title="Status history" id="events">
        {offer.events.length === 0 ? (
          <Empty title="No change yet" />
        ) : (
          <ol className="offer-events">
            {offer.events.map((e) => (
              <li key={e.seq}>
                {formatTimestamp(e.at)} · {e.by}: {e.from ? `${e.from} → ` : ''}
                <strong>{e.to}</strong> (version {e.version}){e.note && ` — ${e.note}`}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </div>
  );
}

export default function OfferPage({ params }: { params: Record<string, string> }) {
  const { user } = useAuth();
  const money = user?.canSeeFinancials === true;
  if (params.id === 'new' || !params.id) {
    if (!canWrite(user)) return <ErrorNote error="Only editors and admins can record offers." />;
    return <NewOffer money={money} />;
  }
  return <ExistingOffer id={params.id} money={money} writable={canWrite(user)} />;
}
