/**
 * Create or change a contract. While the rights are typed, the conflict
 * panel asks the server (debounced) where they collide with what is sold,
 * held or not held. Saving a conflicting deal is refused (409) and the
 * editor offers to override it with a reason, which the audit log keeps.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, type ApiError, fieldMessage } from '../lib/api';
import { canWrite, useAuth } from '../lib/auth';
import {
  CHECKED_STATUSES,
  conflictRequest,
  contractInput,
  draftFromContract,
  emptyDraft,
  key,
  newBlock,
  pendingCompany,
  statusConsequence,
  type BlockDraft,
  type Draft,
} from '../lib/dealDraft';
import { formatTimestamp, humanize } from '../lib/format';
import { setFlash } from '../lib/flash';
import { useApi, useDebounced } from '../lib/hooks';
import { Link, navigate, useQueryState } from '../lib/router';
import { CONTRACT_STATUSES } from '../../../src/domain/vocabulary.js';
import type { Contract, ConflictReport, Ref } from '../../../src/contract/index.js';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ConflictPanel, type CheckState } from '../components/ConflictPanel';
import { EntityPicker } from '../components/EntityPicker';
import { DeletedDeal, History } from '../components/History';
import { MediaPicker } from '../components/MediaPicker';
import { TerritoryInput } from '../components/TerritoryInput';
import { Badge, Empty, ErrorNote, Field, Loading } from '../components/ui';

/** A company typed in the deal that is not on file yet: created with the deal when it is saved, not before. */
const createCompany = (kind: string) => (name: string) => Promise.resolve(pendingCompany(kind, name));

/** A message that survives the move from /deals/new to /deals/:id (the page remounts). */
let flash: string | undefined;

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CNY', 'JPY', 'KRW', 'CAD', 'AUD', 'CHF', 'SEK', 'DKK', 'NOK', 'INR', 'BRL', 'MXN', 'HKD'];

export default function DealEditor({ params }: { params: Record<string, string> }) {
  const id = params.id;
  const isNew = !id;
  const { user } = useAuth();
  const writable = canWrite(user);
  /** May see, so may set, the minimum guarantee (docs/security.md). */
  const financials = user?.canSeeFinancials === true;
  const [query] = useQueryState();
  const loaded = useApi<Contract>(isNew ? null : `/api/contracts/${encodeURIComponent(id)}`);
  const [contract, setContract] = useState<Contract>();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [refused, setRefused] = useState<ConflictReport>();
  const [overrideReason, setOverrideReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | undefined>(() => {
    const f = flash;
    flash = undefined;
    return f;
  });
  const [check, setCheck] = useState<CheckState>({ kind: 'idle', why: 'Fill in a rights block to check it.' });
  const overrideRef = useRef<HTMLTextAreaElement>(null);
  const [deleting, setDeleting] = useState<{ busy: boolean; error?: string }>();

  // Load the contract being edited, or prefill a new one from ?title=.
  useEffect(() => {
    if (loaded.data) {
      setContract(loaded.data);
      setDraft(draftFromContract(loaded.data));
    }
  }, [loaded.data]);
  useEffect(() => {
    const t = query.get('title');
    if (!isNew || !t) return;
    api.get<{ id: string; englishTitle: string | null; originalTitle: string }>(`/api/titles/${encodeURIComponent(t)}`).then(
      (x) => setDraft((d) => (d.titles.length ? d : { ...d, titles: [{ id: x.id, name: x.englishTitle || x.originalTitle }] })),
      () => undefined,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const update = (patch: Partial<Draft>) => {
    setSaved(undefined);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const updateBlock = (i: number, patch: Partial<BlockDraft>) => {
    setSaved(undefined);
    setDraft((d) => ({ ...d, blocks: d.blocks.map((b, k) => (k === i ? { ...b, ...patch } : b)) }));
  };

  // The live conflict check.
  const req = useMemo(() => conflictRequest(draft, contract?.id), [draft, contract?.id]);
  const reqKey = useDebounced(JSON.stringify(req.body), 450);
  const originRef = useRef(req.origin);
  originRef.current = req.origin;
  const checksRights = draft.direction !== 'in' && draft.direction !== 'third-party';
  useEffect(() => {
    if (!checksRights)
      return setCheck({
        kind: 'idle',
        why: 'Rights-in and market-intelligence contracts grant nothing of ours: there is nothing to check.',
      });
    const body = JSON.parse(reqKey) as { blocks: unknown[] };
    const r = conflictRequest(draft, contract?.id);
    if (!body.blocks.length) return setCheck({ kind: 'idle', why: r.why ?? 'Fill in a rights block to check it.' });
    const origin = originRef.current.slice();
    const ctrl = new AbortController();
    setCheck((c) => ({ kind: 'checking', report: c.kind === 'done' ? c.report : c.kind === 'checking' ? c.report : undefined }));
    api.post<ConflictReport>('/api/conflicts', body, { signal: ctrl.signal }).then(
      (report) =>
        setCheck({ kind: 'done', report: { ...report, blocks: report.blocks.map((b) => ({ ...b, block: origin[b.block] ?? b.block })) } }),
      (e: unknown) => {
        if ((e as Error).name === 'AbortError') return;
        const err = e as ApiError;
        // A field error (an unreadable territory) shows next to the field, not as a failed check.
        if (err.field) {
          const m = /^blocks\[(\d+)\]\.(.+)$/.exec(err.field);
          const f = m ? `blocks[${origin[Number(m[1])] ?? m[1]}].${m[2]}` : err.field;
          setCheck({ kind: 'idle', why: `Cannot check yet: ${fieldMessage(err.message)}` });
          setErrors((x) => ({ ...x, [f]: fieldMessage(err.message) }));
        } else setCheck({ kind: 'error', error: err });
      },
    );
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reqKey, checksRights]);

  // Errors from the last check or save go away as soon as the field changes; a refused
  // save (or any failed save) was about the deal as it was, so it goes as soon as the deal changes.
  const lastDraft = useRef(draft);
  useEffect(() => {
    const prev = lastDraft.current;
    lastDraft.current = draft;
    if (prev === draft) return;
    setRefused(undefined);
    setFormError(undefined);
    setErrors((x) => {
      const next = { ...x };
      for (const k of Object.keys(next)) if (JSON.stringify(pathGet(prev, k)) !== JSON.stringify(pathGet(draft, k))) delete next[k];
      return next;
    });
  }, [draft]);

  const titleName = (tid: string) => draft.titles.find((t) => t.id === tid)?.name ?? tid;
  const blockLabel = (i: number) => {
    const b = draft.blocks[i];
    return b ? `Block ${i + 1}: ${b.territories || '…'} · ${b.media || '…'}` : `Block ${i + 1}`;
  };
  const err = (f: string) => errors[f];

  async function save(e?: FormEvent, override?: string) {
    e?.preventDefault();
    setFormError(undefined);
    setSaving(true);
    try {
      const body = contractInput(draft, {
        version: contract?.version,
        override: override ? { reason: override } : undefined,
        financials: financials,
      });
      const c = isNew
        ? await api.post<Contract>('/api/contracts', body)
        : await api.put<Contract>(`/api/contracts/${encodeURIComponent(contract!.id)}`, body);
      const result = (c as unknown as { contract?: Contract }).contract ?? c;
      setRefused(undefined);
      setOverrideReason('');
      setErrors({});
      setContract(result);
      setDraft(draftFromContract(result));
      const message = override ? 'Saved over the conflict; the reason is in the history.' : `Saved as ${result.ref}.`;
      setSaved(message);
      if (isNew) {
        flash = message;
        navigate(`/deals/${encodeURIComponent(result.id)}`, { replace: true });
      }
    } catch (x) {
      const a = x as ApiError;
      if (a.status === 409 && a.body.conflicts) {
        setRefused({ ...a.body.conflicts, blocks: a.body.conflicts.blocks });
        requestAnimationFrame(() => overrideRef.current?.focus());
      } else if (a.status === 409) {
        setFormError(`${a.message} Reload the deal to see the other change, then make yours again.`);
      } else if (a.field) {
        const party = /^newCompanies\.(licensor|licensee|salesAgent)/.exec(a.field);
        setErrors({ [party ? `${party[1]}Id` : a.field]: fieldMessage(a.message) });
        setFormError(`Not saved. Check the field marked below: ${fieldMessage(a.message)}`);
        requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      } else setFormError(a.message);
    } finally {
      setSaving(false);
    }
  }

  async function remove() {
    if (!contract) return;
    setDeleting((d) => ({ ...d!, busy: true, error: undefined }));
    try {
      await api.del(`/api/contracts/${encodeURIComponent(contract.id)}`);
      setFlash(`${contract.ref} was deleted. Its rights no longer count. Restore it here if that was a mistake; its history is kept.`);
      navigate('/deals?view=deleted');
    } catch (x) {
      setDeleting({ busy: false, error: (x as Error).message });
    }
  }

  if (!isNew && loaded.error)
    return (
      <div className="page page--wide deal-page">
        {loaded.error.status === 404 ? (
          <>
            <nav className="crumbs" aria-label="Breadcrumb">
              <Link to="/deals">Deals</Link> <span aria-hidden="true">/</span> <Link to="/deals?view=deleted">Deleted</Link>
            </nav>
            <DeletedDeal
              id={id}
              writable={writable}
              onRestored={(_, overridden) => {
                setSaved(
                  overridden
                    ? 'Restored over the conflict; the reason is in the history.'
                    : 'Restored. Its rights count again; no conflict was found.',
                );
                loaded.reload();
              }}
              notFound={
                <Empty title="This deal does not exist.">
                  Nothing is recorded under this address. See all <Link to="/deals">deals</Link>.
                </Empty>
              }
            />
          </>
        ) : (
          <ErrorNote error={loaded.error} retry={loaded.reload} />
        )}
      </div>
    );
  if (!isNew && !contract) return <Loading what="Loading the deal" />;

  const conflictCount = check.kind === 'done' ? check.report.blocks.reduce((n, b) => n + b.conflicts.length, 0) : 0;
  const refuses = CHECKED_STATUSES.includes(draft.status);
  const actions = (
    <>
      <button type="submit" form="deal-form" className="btn btn--primary" disabled={saving}>
        {saving ? 'Saving…' : isNew ? 'Create deal' : 'Save changes'}
      </button>
      {conflictCount > 0 && refuses && !refused && (
        <span className="save-warning">
          <a href="#conflict-panel-h">{conflictCount === 1 ? '1 conflict' : `${conflictCount} conflicts`}</a>:{' '}
          {contract?.overrideReason ? 'saving changes needs an override again' : 'saving will be refused'}
        </span>
      )}
      {saved && (
        <span className="save-ok" role="status">
          {saved}
        </span>
      )}
      {!isNew && (
        <button type="button" className="btn btn--ghost btn--small btn--delete" onClick={() => setDeleting({ busy: false })}>
          Delete deal…
        </button>
      )}
    </>
  );

  return (
    <div className="page page--wide deal-page">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/deals">Deals</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{isNew ? 'New deal' : contract!.ref}</span>
      </nav>
      <div className="page-head">
        <h1>
          {isNew ? 'New deal' : contract!.ref} {!isNew && <Badge value={contract!.status} />}
        </h1>
        {!isNew && (
          <p className="muted page-sub">
            Version {contract!.version} · last changed {formatTimestamp(contract!.updatedAt)}
          </p>
        )}
      </div>
      {contract?.overrideReason && (
        <div className="notice notice--warn" role="note">
          <strong>Saved over a rights conflict.</strong> Reason given: <q>{contract.overrideReason}</q>
        </div>
      )}
      {!writable && <div className="notice">You can read this deal; changing it needs the editor role.</div>}
      <div className="deal-layout">
        <form id="deal-form" className="deal-form" onSubmit={(e) => void save(e)} noValidate aria-label="Deal">
          <fieldset className="panel" disabled={!writable}>
            <legend className="panel-legend">Deal</legend>
            <div className="form-grid">
              <Field label="Reference" hint={isNew ? 'Leave empty to have one made.' : undefined} error={err('ref')}>
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    value={draft.ref}
                    onChange={(e) => update({ ref: e.target.value })}
                    placeholder="e.g. WB-ONESEC-DE-SVOD"
                  />
                )}
              </Field>
              <Field
                label="Status"
                error={err('status')}
                hint={<span className="status-consequence">{statusConsequence(draft.status, draft.direction)}</span>}
              >
                {(p) => (
                  <select {...p} value={draft.status} onChange={(e) => update({ status: e.target.value as Draft['status'] })}>
                    {CONTRACT_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {humanize(s)}
                        {s === 'negotiating' ? ' (holds the rights)' : ''}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Kind" error={err('direction')}>
                {(p) => (
                  <select {...p} value={draft.direction} onChange={(e) => update({ direction: e.target.value as Draft['direction'] })}>
                    <option value="out">Rights out (we license)</option>
                    <option value="in">Rights in (we acquire)</option>
                    <option value="third-party">Market intelligence (between others)</option>
                    <option value="">Decide from the parties</option>
                  </select>
                )}
              </Field>
              <Field label="Titles" error={err('titleIds')} className="span-3">
                {(p) => (
                  <EntityPicker
                    {...p}
                    kind="titles"
                    multiple
                    value={draft.titles}
                    onChange={(titles: Ref[]) => update({ titles })}
                    placeholder="Type a title"
                  />
                )}
              </Field>
              <Field label="Licensor" error={err('licensorId')}>
                {(p) => (
                  <EntityPicker
                    {...p}
                    kind="companies"
                    value={draft.licensor}
                    onChange={(licensor) => update({ licensor })}
                    placeholder="Who grants"
                    onCreate={createCompany('other')}
                  />
                )}
              </Field>
              <Field label="Licensee" error={err('licenseeId')}>
                {(p) => (
                  <EntityPicker
                    {...p}
                    kind="companies"
                    value={draft.licensee}
                    onChange={(licensee) => update({ licensee })}
                    placeholder="Who receives"
                    onCreate={createCompany('distributor')}
                  />
                )}
              </Field>
              <Field label="Sales agent" error={err('salesAgentId')}>
                {(p) => (
                  <EntityPicker
                    {...p}
                    kind="companies"
                    value={draft.salesAgent}
                    onChange={(salesAgent) => update({ salesAgent })}
                    placeholder="Optional"
                    onCreate={createCompany('sales-agent')}
                  />
                )}
              </Field>
            </div>
          </fieldset>

          <fieldset className="panel" disabled={!writable}>
            <legend className="panel-legend">Rights</legend>
            {err('blocks') && <p className="field-error">{err('blocks')}</p>}
            {draft.blocks.length === 0 && <p className="muted">No rights block: this deal grants nothing yet. Add one below.</p>}
            {draft.blocks.map((b, i) => {
              const f = (x: string) => err(`blocks[${i}].${x}`);
              return (
                <div key={b.key} className="block-card" role="group" aria-label={`Rights block ${i + 1}`}>
                  <div className="block-head">
                    <h3>Block {i + 1}</h3>
                    {draft.blocks.length > 1 && (
                      <button
                        type="button"
                        className="btn btn--ghost btn--small"
                        onClick={() => update({ blocks: draft.blocks.filter((_, k) => k !== i) })}
                      >
                        Remove block {i + 1}
                      </button>
                    )}
                  </div>
                  {f('') && <p className="field-error">{f('')}</p>}
                  <div className="form-grid">
                    <Field label="Territories" error={f('territories')} className="span-3">
                      {(p) => (
                        <TerritoryInput {...p} value={b.territories} onChange={(v) => updateBlock(i, { territories: v })} mapPicker />
                      )}
                    </Field>
                    <Field label="Media" error={f('media')} className="span-3">
                      {(p) => <MediaPicker {...p} value={b.media} onChange={(v) => updateBlock(i, { media: v })} />}
                    </Field>
                    <Field label="Start" error={f('start')}>
                      {(p) => <input {...p} type="date" value={b.start} onChange={(e) => updateBlock(i, { start: e.target.value })} />}
                    </Field>
                    <Field
                      label="End (inclusive)"
                      hint={b.end ? 'Clear it for perpetuity.' : <strong className="perpetuity-note">No end date: perpetuity</strong>}
                      error={f('end')}
                    >
                      {(p) => <input {...p} type="date" value={b.end} onChange={(e) => updateBlock(i, { end: e.target.value })} />}
                    </Field>
                    <Field label="Languages" hint="BCP 47, e.g. de. Empty: all." error={f('languages')}>
                      {(p) => (
                        <input {...p} type="text" value={b.languages} onChange={(e) => updateBlock(i, { languages: e.target.value })} />
                      )}
                    </Field>
                    {draft.titles.length > 1 && (
                      <Field label="Applies to" error={f('titleId')}>
                        {(p) => (
                          <select {...p} value={b.titleId} onChange={(e) => updateBlock(i, { titleId: e.target.value })}>
                            <option value="">Every title of the deal</option>
                            {draft.titles.map((t) => (
                              <option key={t.id} value={t.id}>
                                {t.name}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                    )}
                    <div className="field field--check">
                      <label>
                        <input type="checkbox" checked={b.exclusive} onChange={(e) => updateBlock(i, { exclusive: e.target.checked })} />{' '}
                        Exclusive
                      </label>
                    </div>
                  </div>
                </div>
              );
            })}
            <button
              type="button"
              className="btn btn--small"
              onClick={() =>
                update({
                  blocks: [
                    ...draft.blocks,
                    { ...newBlock(), start: draft.blocks.at(-1)?.start ?? newBlock().start, end: draft.blocks.at(-1)?.end ?? '' },
                  ],
                })
              }
            >
              + Add rights block
            </button>

            <h3 className="h3 spaced">Holdbacks</h3>
            {draft.holdbacks.length === 0 && (
              <p className="muted small">
                No holdback. A holdback forbids some media in some territories until a date, e.g. “no SVOD in the U.S. until 18 months after
                theatrical release”.
              </p>
            )}
            {draft.holdbacks.map((h, i) => {
              const f = (x: string) => err(`holdbacks[${i}].${x}`);
              const up = (patch: Partial<typeof h>) =>
                update({ holdbacks: draft.holdbacks.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
              return (
                <div key={h.key} className="block-card block-card--holdback" role="group" aria-label={`Holdback ${i + 1}`}>
                  <div className="block-head">
                    <h3>Holdback {i + 1}</h3>
                    <button
                      type="button"
                      className="btn btn--ghost btn--small"
                      onClick={() => update({ holdbacks: draft.holdbacks.filter((_, k) => k !== i) })}
                    >
                      Remove holdback {i + 1}
                    </button>
                  </div>
                  <div className="form-grid">
                    <Field label="Description" error={f('description')} className="span-3">
                      {(p) => (
                        <input
                          {...p}
                          type="text"
                          value={h.description}
                          onChange={(e) => up({ description: e.target.value })}
                          placeholder="e.g. No SVOD until 18 months after theatrical release"
                        />
                      )}
                    </Field>
                    <Field label="Territories" error={f('territories')} className="span-3">
                      {(p) => <TerritoryInput {...p} value={h.territories} onChange={(v) => up({ territories: v })} />}
                    </Field>
                    <Field label="Media" error={f('media')} className="span-3">
                      {(p) => <MediaPicker {...p} value={h.media} onChange={(v) => up({ media: v })} />}
                    </Field>
                    <Field label="From" error={f('start')}>
                      {(p) => <input {...p} type="date" value={h.start} onChange={(e) => up({ start: e.target.value })} />}
                    </Field>
                    <Field
                      label="Until (inclusive)"
                      hint={h.end ? undefined : <strong className="perpetuity-note">No end date: perpetuity</strong>}
                      error={f('end')}
                    >
                      {(p) => <input {...p} type="date" value={h.end} onChange={(e) => up({ end: e.target.value })} />}
                    </Field>
                  </div>
                </div>
              );
            })}
            <button
              type="button"
              className="btn btn--small"
              onClick={() =>
                update({
                  holdbacks: [
                    ...draft.holdbacks,
                    { key: key(), titleId: '', territories: '', media: '', start: '', end: '', description: '' },
                  ],
                })
              }
            >
              + Add holdback
            </button>
          </fieldset>

          <fieldset className="panel" disabled={!writable}>
            <legend className="panel-legend">Terms and people</legend>
            <div className="form-grid">
              {!financials && (
                <p className="span-3 muted mg-hidden" data-testid="mg-hidden">
                  MG: hidden (you do not have the financial-terms permission)
                </p>
              )}
              {financials && (
                <>
                  <Field label="Minimum guarantee" error={err('mg.amount') ?? err('mg')}>
                    {(p) => (
                      <input
                        {...p}
                        type="text"
                        inputMode="decimal"
                        value={draft.mgAmount}
                        onChange={(e) => update({ mgAmount: e.target.value })}
                        placeholder="e.g. 150000.00"
                      />
                    )}
                  </Field>
                  <Field label="Currency" error={err('mg.currency')}>
                    {(p) => (
                      <>
                        <input
                          {...p}
                          type="text"
                          list="currencies"
                          maxLength={3}
                          value={draft.mgCurrency}
                          onChange={(e) => update({ mgCurrency: e.target.value.toUpperCase() })}
                        />
                        <datalist id="currencies">
                          {CURRENCIES.map((c) => (
                            <option key={c} value={c} />
                          ))}
                        </datalist>
                      </>
                    )}
                  </Field>
                </>
              )}
              <Field label="Signed on" error={err('signedOn')}>
                {(p) => <input {...p} type="date" value={draft.signedOn} onChange={(e) => update({ signedOn: e.target.value })} />}
              </Field>
              <Field label="Announced on" error={err('announcedOn')}>
                {(p) => <input {...p} type="date" value={draft.announcedOn} onChange={(e) => update({ announcedOn: e.target.value })} />}
              </Field>
            </div>
            <h3 className="h3 spaced">Negotiators</h3>
            {draft.negotiators.length === 0 && <p className="muted small">Who closed the deal, for each side.</p>}
            {draft.negotiators.map((n, i) => {
              const up = (patch: Partial<typeof n>) =>
                update({ negotiators: draft.negotiators.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
              return (
                <div key={n.key} className="form-grid negotiator" role="group" aria-label={`Negotiator ${i + 1}`}>
                  <Field label="Person" error={err(`negotiators[${i}].personId`)}>
                    {(p) => (
                      <EntityPicker
                        {...p}
                        kind="people"
                        value={n.person}
                        onChange={(person) => up({ person })}
                        placeholder="Name"
                        onCreate={(name) => api.post<Ref>('/api/people', { name })}
                      />
                    )}
                  </Field>
                  <Field label="For company" error={err(`negotiators[${i}].companyId`)}>
                    {(p) => (
                      <EntityPicker
                        {...p}
                        kind="companies"
                        value={n.company}
                        onChange={(company) => up({ company })}
                        placeholder="Company"
                      />
                    )}
                  </Field>
                  <Field label="Side">
                    {(p) => (
                      <select {...p} value={n.side} onChange={(e) => up({ side: e.target.value as 'licensor' | 'licensee' })}>
                        <option value="licensor">Licensor</option>
                        <option value="licensee">Licensee</option>
                      </select>
                    )}
                  </Field>
                  <button
                    type="button"
                    className="btn btn--ghost btn--small"
                    onClick={() => update({ negotiators: draft.negotiators.filter((_, k) => k !== i) })}
                  >
                    Remove
                  </button>
                </div>
              );
            })}
            <button
              type="button"
              className="btn btn--small"
              onClick={() =>
                update({
                  negotiators: [
                    ...draft.negotiators,
                    { key: key(), person: null, company: null, side: draft.negotiators.length % 2 ? 'licensee' : 'licensor' },
                  ],
                })
              }
            >
              + Add negotiator
            </button>
            <Field label="Notes" error={err('notes')} className="spaced">
              {(p) => <textarea {...p} rows={3} value={draft.notes} onChange={(e) => update({ notes: e.target.value })} />}
            </Field>
          </fieldset>

          {refused && (
            <div className="refused" role="alert" aria-labelledby="refused-h">
              <h2 id="refused-h">Saving was refused: this deal conflicts with existing rights</h2>
              <ul>
                {refused.blocks
                  .filter((b) => b.conflicts.length)
                  .flatMap((b) =>
                    b.conflicts.map((r, k) => (
                      <li key={`${b.block}-${b.titleId}-${k}`}>
                        <strong>{r.territoryLabel}</strong> · {r.mediaLabel}: {r.reasons.map((x) => x.message).join('; ')}
                      </li>
                    )),
                  )}
              </ul>
              <p>Change the rights, or save anyway with a reason. The override and its reason are recorded in the deal’s history.</p>
              <Field label="Reason for the override" error={overrideReason.trim() ? undefined : err('override.reason')}>
                {(p) => (
                  <textarea
                    {...p}
                    ref={overrideRef}
                    rows={2}
                    value={overrideReason}
                    onChange={(e) => setOverrideReason(e.target.value)}
                    placeholder="e.g. Licensor confirmed the earlier deal lapses on 31 Dec"
                  />
                )}
              </Field>
              <div className="form-actions">
                <button
                  type="button"
                  className="btn btn--danger"
                  disabled={!overrideReason.trim() || saving}
                  onClick={() => void save(undefined, overrideReason.trim())}
                >
                  Override and save
                </button>
                <button type="button" className="btn btn--ghost" onClick={() => setRefused(undefined)}>
                  Cancel
                </button>
              </div>
            </div>
          )}
          {formError && (
            <div className="error-note" role="alert">
              {formError}
            </div>
          )}
          {writable && <div className="form-actions only-narrow">{actions}</div>}
        </form>
        <aside className="deal-side">
          <ConflictPanel state={check} blockLabel={blockLabel} titleName={titleName} />
          {!refuses && conflictCount > 0 && (
            <p className="muted small">
              A {draft.status} deal saves despite conflicts; the check applies once it becomes an offer or is signed.
            </p>
          )}
          {writable && <div className="deal-actions only-wide">{actions}</div>}
        </aside>
      </div>
      {contract && <History contractId={contract.id} version={contract.version} />}
      {contract && writable && (
        <ConfirmDialog
          open={!!deleting}
          title={`Delete ${contract.ref}?`}
          confirmLabel="Delete deal"
          busy={deleting?.busy}
          error={deleting?.error}
          onConfirm={() => void remove()}
          onCancel={() => setDeleting(undefined)}
        >
          <p>
            Its rights stop counting at once: the territories and media it grants show as available again in avails and conflict checks.
          </p>
          <p>Nothing is erased. The deal can be restored from its History (Deals › Deleted), as it was, with its rights checked again.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** Reads "blocks[0].territories" from the draft, to tell when an errored field changed. */
function pathGet(d: Draft, path: string): unknown {
  const map: Record<string, string> = {
    titleIds: 'titles',
    licensorId: 'licensor',
    licenseeId: 'licensee',
    salesAgentId: 'salesAgent',
    'mg.amount': 'mgAmount',
    'mg.currency': 'mgCurrency',
    mg: 'mgAmount',
  };
  let cur: unknown = d;
  for (const part of (map[path] ?? path).split(/\.|\[|\]/).filter(Boolean)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
