/**
 * Create or change a contract. While the rights are typed, the conflict
 * panel asks the server (debounced) where they collide with what is sold,
 * held or not held. Saving a conflicting deal is refused (409) and the
 * editor offers to override it with a reason, which the audit log keeps.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, type ApiError, fieldMessage, labelledMessage } from '../lib/api';
import { canWrite, useAuth } from '../lib/auth';
import Accounts from './deal/Accounts';
import {
  CHECKED_STATUSES,
  conflictRequest,
  contractInput,
  dealFieldLabel,
  draftFromContract,
  emptyDraft,
  type BlockDraft,
  type Draft,
} from '../lib/dealDraft';
import { formatTimestamp } from '../lib/format';
import { setFlash } from '../lib/flash';
import { useApi, useDebounced, useMountEffect } from '../lib/hooks';
import { Link, navigate, useQueryState } from '../lib/router';
import type { Contract, ConflictReport } from '../../../src/contract/index.js';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ConflictPanel, type CheckState } from '../components/ConflictPanel';
import { DeletedDeal, History } from '../components/History';
import { Badge, Empty, ErrorNote, Loading } from '../components/ui';
import { DealFields } from './deal/DealFields';
import { DealOrigin, DealSources } from './deal/DealSources';
import { RefusedSave } from './deal/RefusedSave';
import { RightsFields } from './deal/RightsFields';
import { TermsFields } from './deal/TermsFields';

/** A message that survives the move from /deals/new to /deals/:id (the page remounts). */
let flash: string | undefined;

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
  useMountEffect(() => {
    const t = query.get('title');
    if (!isNew || !t) return;
    api.get<{ id: string; englishTitle: string | null; originalTitle: string }>(`/api/titles/${encodeURIComponent(t)}`).then(
      (x) => setDraft((d) => (d.titles.length ? d : { ...d, titles: [{ id: x.id, name: x.englishTitle || x.originalTitle }] })),
      () => undefined,
    );
  });

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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the debounced request or the deal's kind changes, not per keystroke
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
      // the contract as saved, possibly wrapped beside what the save reports
      const c = isNew
        ? await api.post<Contract & { contract?: Contract }>('/api/contracts', body)
        : await api.put<Contract & { contract?: Contract }>(`/api/contracts/${encodeURIComponent(contract!.id)}`, body);
      const result = c.contract ?? c;
      setRefused(undefined);
      setOverrideReason('');
      setErrors({});
      // a save answers the contract without its sources, which a save does not change
      setContract({ ...result, sources: result.sources ?? contract?.sources });
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
        // the note names the field as the form does ("Titles"), not by the server's path ("titleIds")
        const label = dealFieldLabel(a.field);
        setFormError(
          label
            ? `Not saved. Check ${labelledMessage(label, a.message)}`
            : `Not saved. Check the field marked below: ${fieldMessage(a.message)}`,
        );
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
      {contract && <DealOrigin contract={contract} />}
      {contract?.overrideReason && (
        <div className="notice notice--warn" role="note">
          <strong>Saved over a rights conflict.</strong> Reason given: <q>{contract.overrideReason}</q>
        </div>
      )}
      {!writable && <div className="notice">You can read this deal; changing it needs the editor role.</div>}
      <div className="deal-layout">
        <form id="deal-form" className="deal-form" onSubmit={(e) => void save(e)} noValidate aria-label="Deal">
          <DealFields draft={draft} update={update} err={err} writable={writable} isNew={isNew} />

          <RightsFields draft={draft} update={update} updateBlock={updateBlock} err={err} writable={writable} />

          <TermsFields draft={draft} update={update} err={err} writable={writable} financials={financials} />

          {refused && (
            <RefusedSave
              refused={refused}
              reason={overrideReason}
              onReason={setOverrideReason}
              reasonError={err('override.reason')}
              reasonRef={overrideRef}
              saving={saving}
              onOverride={(reason) => void save(undefined, reason)}
              onCancel={() => setRefused(undefined)}
            />
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
      {contract && (
        <DealSources
          contract={contract}
          writable={writable}
          onChanged={(source) => setContract((c) => (c ? { ...c, sources: c.sources?.map((x) => (x.id === source.id ? source : x)) } : c))}
        />
      )}
      {contract && financials && <Accounts contractId={contract.id} />}
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
