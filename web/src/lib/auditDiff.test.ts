import { describe, expect, it } from 'vitest';
import { currentDeletion, describeContract, diffContracts, historyView, summarize, type Change } from './auditDiff';
import type { AuditEntry } from '../../../src/contract/index.js';

/** A contract snapshot as the audit keeps it (the server's ContractView). */
function contract(over: Record<string, unknown> = {}) {
  return {
    id: 'c1',
    ref: 'WB-NEON-ONE-SECOND-NA',
    direction: 'out',
    status: 'signed',
    licensor: { id: 'wild-bunch', name: 'Wild Bunch' },
    licensee: { id: 'neon', name: 'Neon' },
    salesAgent: null,
    titles: [{ id: 'one-second', name: 'One Second' }],
    blocks: [block()],
    holdbacks: [],
    negotiators: [{ person: { id: 'eva', name: 'Eva Diederix' }, company: { id: 'wild-bunch', name: 'Wild Bunch' }, side: 'licensor' }],
    signedOn: '2021-07-20',
    announcedOn: null,
    editionId: null,
    notes: null,
    overrideReason: null,
    version: 1,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    deletedAt: null,
    mg: { amount: '1500000.00', currency: 'USD' },
    ...over,
  };
}

function block(over: Record<string, unknown> = {}) {
  return {
    id: `b${Math.random()}`,
    titleId: 'one-second',
    territories: 'Germany, Austria',
    territoryCodes: ['AT', 'DE'],
    territoryLabel: 'Germany, Austria',
    media: 'SVOD',
    mediaIds: ['svod'],
    mediaLabel: 'SVOD',
    languages: null,
    start: '2025-01-01',
    end: '2027-12-31',
    exclusive: true,
    ...over,
  };
}

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: '2026-01-02T10:00:00.000Z',
  user: 'admin',
  action: 'update',
  entity: 'contracts',
  entityId: 'c1',
  before: null,
  after: null,
  reason: null,
  ...over,
});
const fields = (cs: Change[]) => cs.filter((c) => c.kind === 'field').map((c) => c.kind === 'field' && `${c.label}: ${c.from} → ${c.to}`);

describe('contract diff', () => {
  it('names a status change in words and ignores ids, versions and timestamps', () => {
    const a = contract();
    const b = contract({ status: 'announced', version: 2, updatedAt: '2026-02-01T00:00:00.000Z', blocks: [block()] });
    const d = diffContracts(a, b);
    expect(fields(d)).toEqual(['Status: signed → announced']);
    expect(d).toHaveLength(1);
    expect(summarize(d)).toBe('Status signed → announced');
  });

  it('says nothing changed when only the bookkeeping did', () => {
    const d = diffContracts(contract(), contract({ version: 7, blocks: [block({ id: 'other' })] }));
    expect(d).toEqual([]);
    expect(summarize(d)).toMatch(/without changing the terms/);
  });

  it('shows parties, dates and the MG, formatted', () => {
    const d = diffContracts(
      contract(),
      contract({
        licensee: { id: 'mubi', name: 'MUBI' },
        signedOn: null,
        announcedOn: '2021-08-01',
        mg: { amount: '2000000.00', currency: 'USD' },
      }),
    );
    expect(fields(d)).toEqual([
      'Licensee: Neon → MUBI',
      'Minimum guarantee: $1,500,000 → $2,000,000',
      'Signed on: Jul 20, 2021 → none',
      'Announced on: none → Aug 1, 2021',
    ]);
  });

  it('leaves the MG out when one side does not carry it (no financial-terms permission)', () => {
    const { mg: _a, ...a } = contract();
    const { mg: _b, ...b } = contract({ mg: { amount: '9.00', currency: 'EUR' } });
    expect(diffContracts(a, b)).toEqual([]);
  });

  it('describes a changed rights block: territories with the countries added, end date, exclusivity', () => {
    const d = diffContracts(
      contract(),
      contract({
        blocks: [
          block({
            territories: 'Germany, Austria, Switzerland',
            territoryCodes: ['AT', 'CH', 'DE'],
            territoryLabel: 'Germany, Austria, Switzerland',
            end: null,
            exclusive: false,
          }),
        ],
      }),
    );
    expect(d).toHaveLength(1);
    const c = d[0];
    expect(c).toMatchObject({ kind: 'block', what: 'Rights block', change: 'changed' });
    if (c.kind !== 'block') throw new Error('not a block');
    expect(c.text).toBe('Germany, Austria, Switzerland · SVOD · Jan 1, 2025 – perpetuity · non-exclusive');
    expect(c.details).toEqual([
      { label: 'Territories', from: 'Germany, Austria', to: 'Germany, Austria, Switzerland', note: 'adds Switzerland' },
      { label: 'End', from: 'Dec 31, 2027', to: 'perpetuity' },
      { label: 'Exclusivity', from: 'exclusive', to: 'non-exclusive' },
    ]);
    expect(summarize(d)).toBe('1 rights block changed');
  });

  it('tells an added block from a changed one', () => {
    const fr = block({
      territories: 'France',
      territoryCodes: ['FR'],
      territoryLabel: 'France',
      media: 'Theatrical',
      mediaIds: ['theatrical'],
      mediaLabel: 'Theatrical',
      start: '2026-06-01',
      end: '2031-05-31',
    });
    const d = diffContracts(contract(), contract({ blocks: [block(), fr] }));
    expect(d).toEqual([
      {
        kind: 'block',
        what: 'Rights block',
        change: 'added',
        text: 'France · Theatrical · Jun 1, 2026 – May 31, 2031 · exclusive',
        details: [],
      },
    ]);
    const back = diffContracts(contract({ blocks: [block(), fr] }), contract());
    expect(back[0]).toMatchObject({ change: 'removed', text: 'France · Theatrical · Jun 1, 2026 – May 31, 2031 · exclusive' });
    expect(summarize(back)).toBe('1 rights block removed');
  });

  it('reads rows of a multi-title deal as one grant naming its titles', () => {
    const titles = [
      { id: 'a', name: 'Anatomy of a Fall' },
      { id: 'b', name: 'Banel & Adama' },
    ];
    const rows = (over: Record<string, unknown>) => [block({ titleId: 'a', ...over }), block({ titleId: 'b', ...over })];
    const d = diffContracts(
      contract({ titles, blocks: rows({}) }),
      contract({ titles, blocks: rows({ media: 'TVOD', mediaIds: ['tvod'], mediaLabel: 'TVOD' }) }),
    );
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({
      change: 'changed',
      text: 'Anatomy of a Fall, Banel & Adama: Germany, Austria · TVOD · Jan 1, 2025 – Dec 31, 2027 · exclusive',
      details: [{ label: 'Media', from: 'SVOD', to: 'TVOD' }],
    });
  });

  it('lists titles and negotiators added and removed', () => {
    const d = diffContracts(
      contract(),
      contract({
        titles: [
          { id: 'one-second', name: 'One Second' },
          { id: 'x', name: 'Cliff Walkers' },
        ],
        negotiators: [{ person: { id: 'j', name: 'Jeff Deutchman' }, company: { id: 'neon', name: 'Neon' }, side: 'licensee' }],
      }),
    );
    expect(d).toContainEqual({ kind: 'list', label: 'Titles', added: ['Cliff Walkers'], removed: [] });
    expect(d).toContainEqual({
      kind: 'list',
      label: 'Negotiators',
      added: ['Jeff Deutchman (Neon), licensee side'],
      removed: ['Eva Diederix (Wild Bunch), licensor side'],
    });
  });

  it('compares territories by code, so a rewritten expression is no change', () => {
    expect(diffContracts(contract(), contract({ blocks: [block({ territories: 'DE, AT' })] }))).toEqual([]);
  });
});

describe('contract snapshot', () => {
  it('lists what identifies the deal and its rights', () => {
    const s = describeContract(contract());
    expect(s.fields).toEqual([
      { label: 'Status', value: 'Signed' },
      { label: 'Kind', value: 'Rights out' },
      { label: 'Titles', value: 'One Second' },
      { label: 'Licensor', value: 'Wild Bunch' },
      { label: 'Licensee', value: 'Neon' },
      { label: 'Minimum guarantee', value: '$1,500,000' },
      { label: 'Signed on', value: 'Jul 20, 2021' },
      { label: 'Negotiators', value: 'Eva Diederix (Wild Bunch), licensor side' },
    ]);
    expect(s.blocks).toEqual(['Germany, Austria · SVOD · Jan 1, 2025 – Dec 31, 2027 · exclusive']);
  });
});

describe('history', () => {
  it('orders newest first and folds the rewrite a restore makes into the restore', () => {
    const c = contract();
    const entries: AuditEntry[] = [
      entry({ id: 1, at: '2026-01-01T10:00:00.000Z', user: 'system', action: 'create', after: c }),
      entry({ id: 3, at: '2026-01-03T10:00:00.000Z', action: 'delete', before: c }),
      entry({
        id: 4,
        at: '2026-01-04T10:00:00.100Z',
        action: 'update',
        before: { ...c, version: 2 },
        after: { ...c, version: 3, blocks: [block()] },
      }),
      entry({ id: 5, at: '2026-01-04T10:00:00.120Z', action: 'restore', before: { ...c, deletedAt: '2026-01-03T10:00:00.000Z' } }),
      entry({ id: 2, at: '2026-01-02T10:00:00.000Z', action: 'update', before: c, after: contract({ status: 'announced' }) }),
    ];
    const v = historyView(entries);
    expect(v.map((x) => x.title)).toEqual(['Restored', 'Deleted', 'Changed', 'Created']);
    expect(v[0].changes).toEqual([]);
    expect(v[0].summary).toBe('Brought back as it was when deleted: Signed · Wild Bunch → Neon · 1 rights block');
    expect(v[1].snapshot?.caption).toBe('Last state before it was deleted');
    expect(v[2].summary).toBe('Status signed → announced');
    expect(v[3].who).toBe('system');
  });

  it('keeps an unrelated change next to a restore', () => {
    const c = contract();
    const v = historyView([
      entry({ id: 5, at: '2026-01-04T10:00:00.000Z', action: 'restore', before: c }),
      entry({ id: 4, at: '2026-01-01T10:00:00.000Z', action: 'update', before: c, after: contract({ status: 'announced' }) }),
    ]);
    expect(v.map((x) => x.title)).toEqual(['Restored', 'Changed']);
  });

  it('shows an override reason once, as the reason, not again as a changed field', () => {
    const reason = 'Licensor confirmed the earlier deal lapses';
    const v = historyView([
      entry({ action: 'override', before: contract(), after: contract({ status: 'announced', overrideReason: reason }), reason }),
    ]);
    expect(v[0].title).toBe('Override');
    expect(v[0].summary).toBe('Status signed → announced');
    const created = historyView([entry({ action: 'override', after: contract({ overrideReason: reason }), reason })]);
    expect(created[0].summary).toBe('Created over a rights conflict: Signed · Wild Bunch → Neon · 1 rights block');
  });

  it('folds an overridden restore without repeating its reason', () => {
    const reason = 'The resale was entered by mistake';
    const c = contract();
    const v = historyView([
      entry({ id: 5, at: '2026-01-04T10:00:00.120Z', action: 'restore', before: c, reason }),
      entry({ id: 4, at: '2026-01-04T10:00:00.100Z', action: 'override', before: c, after: contract({ overrideReason: reason }), reason }),
    ]);
    expect(v).toHaveLength(1);
    expect(v[0].changes).toEqual([]);
  });
});

describe('current deletion', () => {
  it('is the latest delete, unless a restore came after it', () => {
    const del = entry({ id: 3, at: '2026-01-03T10:00:00.000Z', action: 'delete', before: contract() });
    const created = entry({ id: 1, at: '2026-01-01T10:00:00.000Z', action: 'create', after: contract() });
    expect(currentDeletion([created, del])).toBe(del);
    expect(
      currentDeletion([created, del, entry({ id: 4, at: '2026-01-04T10:00:00.000Z', action: 'restore', before: contract() })]),
    ).toBeUndefined();
    expect(currentDeletion([created])).toBeUndefined();
  });
});
