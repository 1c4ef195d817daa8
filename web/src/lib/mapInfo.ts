/** Turns the server's availability answers into what the map shows for each country. */
import type { CountryInfo, InfoLine } from '../components/WorldMap';
import type { AvailRow, Contract, MapCountry, MapStatus, Ref } from '../../../src/contract/index.js';

function name(r: Ref | string | null | undefined): string | undefined {
  if (!r) return undefined;
  return typeof r === 'string' ? r : r.name;
}

/** "WB-ONE-SECOND (Huanxi Media Group → Wild Bunch)" from a ref and the contracts we know. */
export function describeContract(ref: string, known: Map<string, Pick<Contract, 'ref' | 'licensor' | 'licensee' | 'direction'>>): string {
  const c = known.get(ref);
  if (!c) return ref;
  const from = name(c.licensor);
  const to = name(c.licensee);
  return from || to ? `${c.ref} (${from ?? '?'} → ${to ?? '?'})` : c.ref;
}

export function contractIndex(contracts: Array<Pick<Contract, 'id' | 'ref' | 'licensor' | 'licensee' | 'direction'>>) {
  const m = new Map<string, (typeof contracts)[number]>();
  for (const c of contracts) {
    m.set(c.ref, c);
    m.set(c.id, c);
  }
  return m;
}

/** One country of GET /api/titles/:id/map, as lines a person reads. */
export function countryInfo(mc: MapCountry, known: ReturnType<typeof contractIndex>, rightsIn?: string[]): CountryInfo {
  const lines: InfoLine[] = [];
  const mentioned = new Set<string>();
  for (const r of mc.reasons ?? []) {
    if (typeof r === 'string') lines.push(r);
    else {
      lines.push({ reasons: [r] });
      r.contracts?.forEach((c) => mentioned.add(c));
    }
  }
  for (const c of mc.contracts ?? []) {
    const ref = typeof c === 'string' ? c : (c.ref ?? c.id ?? '');
    if (mentioned.has(ref)) continue;
    const k = known.get(ref);
    const text =
      typeof c === 'object' && c.licensor
        ? `${ref} (${name(c.licensor) ?? '?'} → ${name(c.licensee) ?? '?'})`
        : describeContract(ref, known);
    const dir = k?.direction ?? (typeof c === 'object' ? undefined : undefined);
    if (mc.status === 'available' && dir !== 'out') lines.push(`Available under ${text}`);
    else
      lines.push(
        `${dir === 'in' ? 'Rights in' : dir === 'out' ? 'Rights out' : dir === 'third-party' ? 'Market intelligence' : 'Contract'}: ${text}`,
      );
  }
  // An available country whose answer names no contract: say which rights-in agreement makes it ours.
  if (!mc.contracts?.length && rightsIn?.length && (mc.status === 'available' || mc.status === 'partial')) {
    for (const ref of rightsIn) lines.push(`Available under ${describeContract(ref, known)}`);
  }
  // A partly available country: which stretches of the window are held, sold or free, with dates.
  if (mc.status === 'partial' && mc.periods?.length)
    return { status: mc.status, lines: lines.filter((l) => typeof l === 'string'), periods: mc.periods, days: mc.days };
  return { status: mc.status, lines };
}

/** Country code → the refs of our signed rights-in contracts whose blocks cover it (from contract details). */
export function rightsInCoverage(contracts: Contract[], titleId: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const c of contracts) {
    if (c.direction !== 'in' || !['signed', 'announced'].includes(c.status)) continue;
    for (const b of c.blocks ?? []) {
      if (b.titleId && b.titleId !== titleId) continue;
      for (const code of b.territoryCodes ?? []) {
        const l = m.get(code) ?? [];
        if (!l.includes(c.ref)) l.push(c.ref);
        m.set(code, l);
      }
    }
  }
  return m;
}

/**
 * A country's status from avails rows. A row unavailable only because the
 * window is not met is partly available; one blocked by a sale is sold.
 */
function rowStatus(r: AvailRow): MapStatus {
  if (r.status === 'available') return 'available';
  if (r.status === 'on-hold') return 'on-hold';
  if (r.status === 'depends') return 'depends';
  const codes = r.reasons.map((x) => x.code);
  if (codes.includes('rights-out-exist')) return 'sold';
  if (codes.length > 0 && codes.every((c) => c === 'window-not-met')) return 'partial';
  return 'no-rights';
}

/** Several rows for one country: all alike keep their status; any availability makes it partial; else the strongest block. */
function combine(a: MapStatus, b: MapStatus): MapStatus {
  if (a === b) return a;
  if ([a, b].some((x) => x === 'available' || x === 'partial')) return 'partial';
  if ([a, b].includes('sold')) return 'sold';
  if ([a, b].includes('depends')) return 'depends';
  if ([a, b].includes('on-hold')) return 'on-hold';
  return 'no-rights';
}

export function infoFromRows(rows: AvailRow[]): Record<string, CountryInfo> {
  const out: Record<string, CountryInfo> = {};
  for (const r of rows) {
    const st = rowStatus(r);
    const line: InfoLine = {
      prefix: `${r.titles.length > 3 ? `${r.titles.slice(0, 3).join(', ')} and ${r.titles.length - 3} more` : r.titles.join(', ')}: ${r.mediaLabel}, ${r.start ?? '…'} to ${r.end ?? 'perpetuity'}`,
      reasons: r.reasons,
    };
    for (const code of r.territories) {
      const cur = out[code];
      if (!cur) out[code] = { status: st, lines: [line] };
      else {
        cur.status = combine(cur.status, st);
        if (cur.lines.length < 6) cur.lines.push(line);
      }
    }
  }
  return out;
}
