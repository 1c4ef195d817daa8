/**
 * Where a proposed deal collides with what is already sold, held or not
 * held, and why, naming the contracts. Holds (deals in negotiation) are
 * warnings; conflicts will make the server refuse the save.
 */
import type { ReactNode } from 'react';
import type { ApiError } from '../lib/api';
import { formatPeriod } from '../lib/format';
import { Link } from '../lib/router';
import type { AvailRow, ConflictReport } from '../../../src/contract/index.js';

export type CheckState =
  | { kind: 'idle'; why: string }
  | { kind: 'checking'; report?: ConflictReport }
  | { kind: 'done'; report: ConflictReport }
  | { kind: 'error'; error: ApiError | Error };

export interface ConflictPanelProps {
  state: CheckState;
  /** "Block 1: Germany · SVOD" for a block index of the request. */
  blockLabel: (index: number) => string;
  titleName: (id: string) => string;
}

const REF_LINK = /\b([A-Z0-9][A-Z0-9._-]{2,})\b/g;

/** A reason message with the contract references in it linked to their deal. */
function ReasonText({ message, refs }: { message: string; refs: string[] }) {
  if (!refs.length) return <>{message}</>;
  const parts: Array<string | { ref: string }> = [];
  let last = 0;
  for (const m of message.matchAll(REF_LINK)) {
    if (!refs.includes(m[1])) continue;
    parts.push(message.slice(last, m.index), { ref: m[1] });
    last = (m.index ?? 0) + m[1].length;
  }
  parts.push(message.slice(last));
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          p
        ) : (
          <Link key={i} to={`/deals?q=${encodeURIComponent(p.ref)}`} className="contract-ref">
            {p.ref}
          </Link>
        ),
      )}
    </>
  );
}

function Row({ row, tone }: { row: AvailRow; tone: 'conflict' | 'hold' }) {
  return (
    <li className={`conflict-row conflict-row--${tone}`}>
      <div className="conflict-where">
        <strong>{row.territoryLabel}</strong>
        <span className="sep" aria-hidden="true">
          ·
        </span>
        {row.mediaLabel}
        {row.languages && <span className="muted"> · {row.languageLabel}</span>}
      </div>
      <div className="conflict-when">{formatPeriod(row.start, row.end)}</div>
      <ul className="conflict-reasons">
        {row.reasons.map((r, i) => (
          <li key={i}>
            <ReasonText message={r.message} refs={r.contracts} />
          </li>
        ))}
      </ul>
    </li>
  );
}

export function ConflictPanel({ state, blockLabel, titleName }: ConflictPanelProps) {
  const report = state.kind === 'done' ? state.report : state.kind === 'checking' ? state.report : undefined;
  const conflicts = report?.blocks.filter((b) => b.conflicts.length > 0) ?? [];
  const holds = report?.blocks.filter((b) => b.holds.length > 0) ?? [];
  const count = conflicts.reduce((n, b) => n + b.conflicts.length, 0);

  let summary: ReactNode;
  if (state.kind === 'idle') summary = <p className="muted">{state.why}</p>;
  else if (state.kind === 'error') summary = <p className="conflict-summary is-error">The check could not run: {state.error.message}</p>;
  else if (!report) summary = <p className="muted">Checking these rights against the catalog…</p>;
  else if (count === 0)
    summary = (
      <>
        <p className="conflict-summary is-clear">
          <span aria-hidden="true">✓ </span>No conflicts
          {holds.length ? ', but some of these rights are on hold (below).' : ': these rights are ours to grant.'}
        </p>
        <ul className="conflict-clear">
          {report.blocks.map((b) => (
            <li key={`${b.block}-${b.titleId}`}>
              {blockLabel(b.block)} <span className="muted">· {titleName(b.titleId)}</span>
            </li>
          ))}
        </ul>
      </>
    );
  else
    summary = (
      <p className="conflict-summary is-conflict">
        <span aria-hidden="true">✕ </span>
        {count === 1 ? '1 conflict' : `${count} conflicts`}: saving will be refused unless you override with a reason.
      </p>
    );

  return (
    <section
      className="conflict-panel"
      aria-labelledby="conflict-panel-h"
      aria-busy={state.kind === 'checking'}
      data-state={state.kind === 'done' ? (count ? 'conflict' : 'clear') : state.kind}
    >
      <h2 id="conflict-panel-h">
        Conflict check
        {state.kind === 'checking' && <span className="spinner spinner--inline" role="status" aria-label="Checking" />}
      </h2>
      <div aria-live="polite">{summary}</div>
      {conflicts.map((b) => (
        <div key={`c-${b.block}-${b.titleId}`} className="conflict-block">
          <h3>
            {blockLabel(b.block)} <span className="muted">· {titleName(b.titleId)}</span>
          </h3>
          <ul className="conflict-rows">
            {b.conflicts.map((r, i) => (
              <Row key={i} row={r} tone="conflict" />
            ))}
          </ul>
        </div>
      ))}
      {holds.length > 0 && (
        <div className="conflict-holds">
          <h3>On hold (in negotiation)</h3>
          {holds.map((b) => (
            <div key={`h-${b.block}-${b.titleId}`} className="conflict-block">
              <h4>
                {blockLabel(b.block)} <span className="muted">· {titleName(b.titleId)}</span>
              </h4>
              <ul className="conflict-rows">
                {b.holds.map((r, i) => (
                  <Row key={i} row={r} tone="hold" />
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
