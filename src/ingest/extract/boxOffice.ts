/**
 * Box office and releases: what grossed how much where and when; what opens
 * or was released where and when.
 */
import { findCountry } from '../../domain/countries.js';
import { parseTerritories, territoryCodes } from '../../domain/territories.js';
import { firstDay } from '../dates.js';
import { CITY_COUNTRY } from '../lexicon.js';
import { type Ctx, add, dealsHere, factsHere, nk } from './context.js';

function isoCountry(expr: string | null): string | null {
  if (!expr) return null;
  if (/^(?:north america|domestic)$/i.test(expr)) return 'US';
  const direct = findCountry(expr.replace(/^the\s+/i, ''));
  if (direct) return direct;
  try {
    const codes = territoryCodes(parseTerritories(expr));
    return codes.length === 1 ? codes[0] : null;
  } catch {
    return null;
  }
}

const GROSS_VERBS =
  /^(?:grossed|grosses|gross|earned|earns|earning|took|takes|taking|made|makes|collected|collects|racked|raked|pulled|banked|opened|debuted|bowed|scored|amassed|crossed|passed|topped|lifting|bringing|reached|reaching|hauled|generated|added|adding|adds|totals?|totaling|totalling|sold)$/;
/** The country a currency's gross is almost always reported for, when the sentence names none. */
const CURRENCY_HOME: Record<string, string> = {
  CNY: 'CN',
  JPY: 'JP',
  KRW: 'KR',
  INR: 'IN',
  GBP: 'GB',
  THB: 'TH',
  BRL: 'BR',
  MXN: 'MX',
  TRY: 'TR',
  PLN: 'PL',
  DKK: 'DK',
  SEK: 'SE',
  NOK: 'NO',
  CHF: 'CH',
  RUB: 'RU',
  HKD: 'HK',
  TWD: 'TW',
  AUD: 'AU',
  NZD: 'NZ',
  CZK: 'CZ',
  HUF: 'HU',
  ARS: 'AR',
  CLP: 'CL',
  COP: 'CO',
  ZAR: 'ZA',
  EGP: 'EG',
  SAR: 'SA',
  AED: 'AE',
  IDR: 'ID',
  PHP: 'PH',
  VND: 'VN',
  MYR: 'MY',
  SGD: 'SG',
  ILS: 'IL',
};

export function extractBoxOffice(c: Ctx): void {
  const n = c.toks.length;
  const text = c.words(0, n);
  for (let j = 0; j < n; j++) {
    if (!/^M\d+$/.test(c.tok(j))) continue;
    const money = c.item(j).money!;
    // a conversion in brackets after another amount is the same gross
    if (c.tok(j - 1) === '(' && /^M\d+$/.test(c.tok(j - 2))) continue;
    const before = c.words(Math.max(0, j - 8), j);
    const vb =
      /\b(grossed|grosses|earned|earns|took|taking|takes|made|collected|racked up|raked in|pulled in|banked|opened to|opened with|debuted to|debuted with|bowed to|bowed with|scored|amassed|crossed|passed|topped|lifting its (?:cumulative |running )?total to|bringing its (?:cumulative |running )?total to|its (?:cumulative |running )?total (?:to|of|stands at)|reached|hauled in|generated|added|adding|adds|total of|tally of|haul of|cume of)(?: (?:the|a|an|another|over|nearly|almost|about|around|some|more than|an estimated|a further|an additional))*(?: \w+)?$/.exec(
        before,
      );
    if (
      !vb ||
      (/\b(?:for|paid|paying|worth|offered|deal|budget|price)\b/.test(c.words(j - 2, j)) &&
        !/\bgross|earn|took|total/.test(c.words(j - 2, j)))
    )
      continue;
    if (/\b(?:paid|paying|offered|bid|deal|worth|budget|fund|financing|raised|invest)\b/.test(c.words(j - 3, j))) continue;
    // the title: a title before the verb in the clause, a pronoun → focus
    const vIdx =
      j -
      1 -
      before
        .split(' ')
        .reverse()
        .findIndex((w) => GROSS_VERBS.test(w) || w === 'total');
    let title: string | null = null;
    for (let k = vIdx - 1; k >= 0; k--) {
      if (c.isTitle(k)) {
        title = c.item(k).text;
        break;
      }
      // "it"/"its" inside the sentence points back to its title ("... earned ¥850 million, lifting its total")
      if (/^(?:it|its)$/.test(c.tok(k)) && k > 0) continue;
      const [t] = c.titleAt(k);
      if (t) {
        title = t;
        break;
      }
    }
    title ??= c.st.focus ?? c.st.lead;
    if (!title) continue;
    // territory: "in China", "at the Spanish box office", "worldwide", "in North America", "domestically"; the sentence's "In South Korea,"
    let territory: string | null | undefined;
    const after = c.words(j + 1, Math.min(n, j + 8));
    const local = c.words(Math.max(0, vIdx - 12), Math.min(n, j + 8));
    if (
      /^(?:\( M\d+ \) )?(?:worldwide|globally|world-wide|around the world|across the globe|internationally)\b/.test(after) ||
      /\bworldwide\b|\bglobal(?:ly)? (?:box office|total|cume)\b/.test(c.words(j + 1, j + 4))
    )
      territory = null;
    const terrNear = (from: number, to: number): string | null => {
      for (let k = from; k < to; k++) {
        if (
          c.isTerr(k) &&
          (c.tok(k - 1) === 'in' ||
            c.tok(k - 1) === 'across' ||
            c.tok(k + 1) === 'box' ||
            (c.item(k).ent === 'nationality' && c.tok(k + 1) === 'box'))
        )
          return isoCountry(c.terr(k));
        if (c.tok(k) === 'domestically' || (c.tok(k) === 'domestic' && c.tok(k + 1) === 'box')) return 'US';
      }
      return null;
    };
    if (territory === undefined) {
      let ce = j + 1;
      while (
        ce < n &&
        !/^(?:;|\.|while|but|whereas)$/.test(c.tok(ce)) &&
        !(c.tok(ce) === ',' && /^(?:while|and|lifting|bringing)$/.test(c.tok(ce + 1)))
      )
        ce++;
      // the title's own country adjective: "Japanese hit T earned ... in Japan"
      const t = terrNear(j + 1, Math.max(ce, Math.min(n, j + 8))) ?? terrNear(Math.max(0, vIdx - 12), vIdx + 1) ?? terrNear(0, n);
      if (t) territory = t;
    }
    if (territory === undefined) {
      // "where it grossed": the territory of "in China, where"
      for (let k = vIdx; k >= 0; k--)
        if (c.tok(k) === 'where' && c.isTerr(k - 2)) {
          territory = isoCountry(c.terr(k - 2));
          break;
        }
    }
    // "RMB 2 billion", "¥1.1 billion": the currency's own country, when the sentence names no other
    if (territory === undefined && CURRENCY_HOME[money.currency] && !/\bworldwide\b|\bglobal/.test(c.words(0, n)))
      territory = CURRENCY_HOME[money.currency];
    if (territory === undefined) territory = null;
    // period: opening weekend, first week, a date
    const period =
      /\b(?:opening|first|debut|second|third|fourth|fifth|sixth|consecutive) (?:weekend|week|frame|day|days)\b|\bfive-day (?:\w+ )*holiday\b|\bholiday\b|\bweekend\b/.exec(
        local,
      )?.[0] ?? null;
    const cumulative =
      /\bcumulative\b|\brunning total\b|\bto date\b|\bso far\b|\bsince\b|\btotal\b|\bhas (?:grossed|earned|taken)\b|\bhave (?:grossed|earned)\b/.test(
        c.words(vIdx - 3, Math.min(n, j + 8)),
      ) || !period;
    let periodStart: string | null = null;
    let periodEnd: string | null = null;
    const dm = c.dates.filter((d) => d.abs >= c.item(Math.max(0, vIdx - 12)).start);
    const sinceDate = c.dates.find(
      (d) =>
        /\bsince (?:its )?$/.test(
          c.sent.text
            .slice(0, d.abs - c.sent.start)
            .slice(-12)
            .toLowerCase(),
        ) || /^\S* ?release/.test(c.sent.text.slice(d.abs - c.sent.start + (d.end - d.start)).trim()),
    );
    if (sinceDate) periodStart = firstDay(sinceDate.value);
    else if (dm.length && !period) {
      const d = dm[0];
      periodStart = firstDay(d.value);
      if (d.precision === 'year') periodEnd = `${d.value}-12-31`;
    }
    const asOf = periodEnd ? null : c.st.date;
    add(
      c.st,
      'boxOffice',
      {
        title,
        territory,
        amount: money.amount,
        currency: money.currency,
        periodStart,
        periodEnd,
        asOf,
        cumulative: (cumulative && !/\bweekend\b|\bweek\b/.test(period ?? '')) || /\bcumulative|total\b/.test(c.words(vIdx - 3, j)),
        period,
      },
      0.8,
      c.span(),
    );
  }
  void text;
}

const RELEASE_VERBS = /^(?:debuted|debuts|opened|opens|opening|released|releases|releasing|bowed|bows|hit|hits|launched|premiered)$/;

export function extractReleases(c: Ctx): void {
  const n = c.toks.length;
  const text = c.words(0, n);
  for (let j = 0; j < n; j++) {
    const t = c.tok(j);
    let verbAt = -1;
    if (t === 'opening' && !/^(?:on|in)$/.test(c.tok(j + 1))) continue;
    if (
      (RELEASE_VERBS.test(t) && !/^F\d+$/.test(c.tok(j + 1)) && !/^(?:the|at|in competition)$/.test(c.tok(j + 1))) ||
      (t === 'release' &&
        (c.tok(j - 1) !== 'a' ||
          /^(?:a (?:theatrical |limited |wide |cinema |day-and-date )?release in)$/.test(c.words(j - 2, j + 2)) ||
          /^a (?:theatrical|limited|wide|cinema|day-and-date)$/.test(c.words(j - 2, j))))
    )
      verbAt = j;
    if (verbAt < 0) continue;
    // a festival near makes it a premiere, not a release
    const win = c.words(Math.max(0, j - 2), Math.min(n, j + 8));
    if (/\bF\d+\b/.test(win) || /\bfestival\b|\bfest\b|\bsection\b|\bcompetition\b/.test(win)) continue;
    if (t === 'premiered' && !/\btheatrically|theaters|cinemas\b/.test(win)) continue;
    // territory: "in China", "in North America", "in Spain"
    let territory: string | null = null;
    let terrAt = -1;
    for (let k = Math.max(0, j - 6); k < Math.min(n, j + 9); k++) {
      if (c.isTerr(k) && c.item(k).ent === 'territory' && (c.tok(k - 1) === 'in' || c.tok(k - 1) === 'across')) {
        territory = isoCountry(c.terr(k));
        terrAt = k;
        if (k > j) break;
      }
      // a city stands for its country: "a theatrical release in New York on June 14"
      const city = c.item(k)?.kind === 'ent' ? CITY_COUNTRY[c.item(k).text.toLowerCase()] : undefined;
      if (city && c.tok(k - 1) === 'in' && k > j && !territory) {
        territory = city;
        terrAt = k;
        break;
      }
    }
    if (!territory && t === 'release') {
      for (let k = 0; k < n; k++)
        if (c.isTerr(k) && c.item(k).ent === 'territory' && c.tok(k - 1) === 'in') {
          territory = isoCountry(c.terr(k));
          terrAt = k;
        }
    }
    // the country of the sentence's box office ("topped the Japanese box office ... since its Oct. 16 release")
    if (!territory && (t === 'release' || t === 'opened' || t === 'opening')) {
      const bo = factsHere(c).find((f) => f.type === 'boxOffice' && f.fields.territory);
      if (bo && bo.type === 'boxOffice') territory = bo.fields.territory;
    }
    // the distributor's own territory: "Pyramide Distribution, which will release it on Nov. 23"
    if (!territory) {
      const dIdx =
        /^[CE]\d+$/.test(c.tok(j - 2)) && /^(?:will|to)$/.test(c.tok(j - 1))
          ? j - 2
          : /^[CE]\d+$/.test(c.tok(j - 4)) && c.tok(j - 3) === ',' && c.tok(j - 2) === 'which'
            ? j - 4
            : -1;
      if (dIdx >= 0) {
        const deal = c.st.deals.find((d) => nk(d.fields.buyer) === nk(c.name(dIdx)) && d.fields.territories);
        const code = deal ? isoCountry(deal.fields.territories) : null;
        if (code) territory = code;
      }
    }
    if (!territory) continue;
    // the date near the verb: "debuted last November", "opened on May 1", "since its Jan. 22 release", "on Nov. 18", "in November"
    const verbItem = c.item(j);
    const near = c.dates.filter(
      (d) =>
        (Math.abs(d.abs - verbItem.start) < 45 && d.precision !== 'year') ||
        (d.precision === 'year' && d.abs > verbItem.start && d.abs - verbItem.end < 20),
    );
    const date = near.sort((a, b) => Math.abs(a.abs - verbItem.start) - Math.abs(b.abs - verbItem.start))[0];
    if (!date && !(/^(?:opened|debuted|released|bowed|launched)$/.test(t) && /\bthrough\b|\bvia\b|\bby\b/.test(win))) continue;
    // the title: subject before the verb
    let title: string | null = null;
    for (let k = j - 1; k >= 0; k--) {
      const [tt] = c.titleAt(k);
      if (tt) {
        title = tt;
        break;
      }
    }
    if (!title)
      for (let k = j; k < n; k++)
        if (c.isTitle(k)) {
          title = c.item(k).text;
          break;
        }
    title ??= c.st.focus ?? c.st.lead;
    if (!title) continue;
    // distributor: "through Well Go USA", "via Filmax", "ORG will release the film"
    let distributor: string | null = null;
    for (let k = Math.max(0, j - 4); k < Math.min(n, j + 10); k++) {
      if (
        (c.tok(k) === 'through' || c.tok(k) === 'via' || (c.tok(k) === 'by' && c.tok(k - 1) === 'released')) &&
        /^[CE]\d+$/.test(c.tok(k + 1))
      )
        distributor = c.name(k + 1);
    }
    if (!distributor && /^[CE]\d+$/.test(c.tok(j - 2)) && /^(?:will|to|is|are)$/.test(c.tok(j - 1))) distributor = c.name(j - 2);
    if (!distributor && /^[CE]\d+$/.test(c.tok(j - 4)) && c.tok(j - 3) === ',' && c.tok(j - 2) === 'which') distributor = c.name(j - 4);
    if (!distributor && /^[CE]\d+$/.test(c.tok(j - 1)) && c.isCompanyName(j - 1)) distributor = c.name(j - 1);
    if (!distributor && c.tok(j) === 'release' && /^[CE]\d+$/.test(c.tok(j - 1))) distributor = c.name(j - 1);
    // "Oscilloscope plans a theatrical release", "Vertigo has picked up ... and will release the film"
    if (!distributor)
      for (let k = j - 1; k >= Math.max(0, j - 5); k--) {
        if (
          /^[CE]\d+$/.test(c.tok(k)) &&
          c.isCompanyName(k) &&
          /^(?:plans|is planning|will|has set|sets|is set to)/.test(c.words(k + 1, k + 3))
        ) {
          distributor = c.name(k);
          break;
        }
      }
    if (!distributor && c.tok(j - 1) === 'will' && c.tok(j - 2) === 'and') {
      const d = dealsHere(c)[0];
      if (d) distributor = d.fields.buyer;
    }
    void terrAt;
    add(c.st, 'release', { title, territory, date: date ? date.value : null, distributor }, date ? 0.75 : 0.6, c.span());
  }
  void text;
}
