/** One line per candidate fact, as people read the trade press: "deal: Neon ← Wild Bunch, One Second, North America". */
import type { FactType } from './types.js';

type F = Record<string, unknown>;
const s = (v: unknown) => (typeof v === 'string' && v ? v : null);

export function factSummary(type: FactType, f: F): string {
  const title = s(f.title) ?? '?';
  switch (type) {
    case 'deal': {
      const price =
        f.price && typeof f.price === 'object'
          ? ` for ${(f.price as { currency: string }).currency} ${Number((f.price as { amount: string }).amount).toLocaleString('en-US')}`
          : '';
      const fest =
        f.festival && typeof f.festival === 'object'
          ? ` at ${(f.festival as { name: string }).name} ${(f.festival as { year: number | null }).year ?? ''}`.trimEnd()
          : '';
      const negs =
        Array.isArray(f.negotiators) && f.negotiators.length
          ? `; negotiated by ${(f.negotiators as Array<{ name: string; company: string | null }>).map((n) => `${n.name}${n.company ? ` (${n.company})` : ''}`).join(', ')}`
          : '';
      return `${s(f.buyer)}${s(f.seller) ? ` ← ${s(f.seller)}` : ''}: ${title}, ${s(f.territories) ?? 'territory not reported'}${s(f.media) ? `, ${s(f.media)}` : ''}${price}${fest}${negs}`;
    }
    case 'rumour':
      return `${s(f.party)} (${s(f.kind)}): ${title}${s(f.territories) ? `, ${s(f.territories)}` : ''}`;
    case 'mandate':
      return `${s(f.company)} handles ${s(f.territories) ?? 'international'} sales of ${title}`;
    case 'selection':
      return `${title} at ${s(f.festival)} ${f.year ?? '?'}${s(f.section) ? `, ${s(f.section)}` : ''}${s(f.premiere) ? `, ${s(f.premiere)} premiere` : ''}${s(f.slot) ? `, ${s(f.slot)}` : ''}`;
    case 'withdrawal':
      return `${title} withdrawn from ${s(f.festival)} ${f.year ?? '?'}${f.edition ? ` (${f.edition}th)` : ''}${s(f.section) ? `, ${s(f.section)}` : ''}${s(f.reason) ? `: ${s(f.reason)}` : ''}`;
    case 'award':
      return `${title}: ${s(f.award)}${f.tied ? ' (tied)' : ''}, ${s(f.festival)} ${f.year ?? '(year?)'}${s(f.person) ? `, ${s(f.person)}` : ''}`;
    case 'boxOffice':
      return `${title}: ${s(f.currency)} ${Number(f.amount).toLocaleString('en-US')} in ${s(f.territory) ?? 'worldwide'}${s(f.period) ? ` (${s(f.period)})` : ''}${s(f.periodStart) ? ` since ${s(f.periodStart)}` : ''}`;
    case 'release':
      return `${title} released in ${s(f.territory)}${s(f.date) ? ` on ${s(f.date)}` : ''}${s(f.distributor) ? ` by ${s(f.distributor)}` : ''}`;
    case 'credit':
      return `${title}: ${s(f.role)} ${s(f.name)}${s(f.character) ? ` as ${s(f.character)}` : ''}`;
    case 'titleCompany':
      return `${title}: ${s(f.role)} ${s(f.company)}`;
    case 'sourceMaterial':
      return `${title}: adapted from a ${s(f.material)}`;
    case 'productionStatus':
      return `${title}: ${s(f.status)}`;
  }
}
