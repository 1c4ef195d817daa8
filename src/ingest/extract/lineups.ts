/**
 * A sales company's line-up as mandates: "Lumen Sales' Cannes line-up includes
 * T and T2", "The Match Factory's slate also features T, T2 and T3", "titles on
 * Lumen Sales' roster include T". The company must be a sales company (the
 * gazetteer's kind, or a name that says so: "... Sales", "... International"),
 * so a distributor's release slate is not read as sales. One pass over the
 * sentence's tokens.
 */
import { companyEntry } from '../companies.js';
import { type Ctx, add, nk } from './context.js';

const CUE = /^(?:line-up|lineup|slate|roster|catalogue|catalog)$/;
const VERB = /^(?:includes|include|including|features|feature|comprises|boasts|counts|is|are|:)$/;

export function salesCompany(name: string): boolean {
  const kind = companyEntry(name)?.kind;
  if (kind) return kind === 'sales-agent';
  return /\b(?:sales|international|world ?sales)$/i.test(name.trim());
}

export function extractLineUps(c: Ctx): void {
  const n = c.toks.length;
  salesMadeOn(c);
  titleSellers(c);
  let cue = -1;
  for (let k = 0; k < n; k++)
    if (CUE.test(c.tok(k))) {
      cue = k;
      break;
    }
  if (cue < 0) return;
  // the owner: "ORG's (Cannes|market|new) line-up", "the line-up of ORG"
  let company: string | null = null;
  for (let k = cue - 1; k >= Math.max(0, cue - 4); k--)
    if (/^[CE]\d+$/.test(c.tok(k)) && /'s?$/.test(c.raw(k)) && c.item(k).ent !== 'person') {
      company = c.name(k).replace(/'s?$/, '');
      break;
    }
  if (!company && c.tok(cue + 1) === 'of' && c.isOrg(cue + 2)) company = c.name(cue + 2);
  if (!company || !salesCompany(company)) return;
  // the titles after the verb that lists them
  let k = cue + 1;
  while (k < n && k < cue + 6 && !VERB.test(c.tok(k))) k++;
  if (k >= n || !VERB.test(c.tok(k))) return;
  const seen = new Set<string>();
  for (let j = k + 1; j < n && c.tok(j) !== '.'; j++)
    if (c.isTitle(j) && !seen.has(nk(c.item(j).text))) {
      seen.add(nk(c.item(j).text));
      add(c.st, 'mandate', { title: c.item(j).text, company, territories: null }, 0.7, c.span());
    }
}

/** "Sales were made on T, P's T2 and T3": the titles of the sales company the article is about (its focus), one mandate each. */
function salesMadeOn(c: Ctx): void {
  const n = c.toks.length;
  const company = c.st.focusCompany;
  if (!company || !salesCompany(company)) return;
  for (let k = 0; k < n; k++) {
    if (c.tok(k) !== 'sales' && c.tok(k) !== 'deals') continue;
    const m = /^(?:sales|deals) (?:were|have been|had been|have also been|were also) (?:made|closed|concluded|struck|done) on\b/.exec(
      c.words(k, k + 7),
    );
    if (!m) continue;
    for (let j = k + m[0].split(' ').length; j < n && c.tok(j) !== '.'; j++)
      if (c.isTitle(j)) add(c.st, 'mandate', { title: c.item(j).text, company, territories: null }, 0.7, c.span());
    return;
  }
}

/**
 * A film with its sales company in parentheses, as market guides credit a film: "T (Memento), T2 (Films Boutique)".
 * Only a company the gazetteer knows as a sales company: a distributor there is a buyer (titleParens.ts).
 */
function titleSellers(c: Ctx): void {
  const n = c.toks.length;
  for (let k = 0; k + 3 < n; k++) {
    if (!c.isTitle(k) || c.tok(k + 1) !== '(' || !c.isOrg(k + 2) || c.tok(k + 3) !== ')') continue;
    const company = c.name(k + 2);
    if (companyEntry(company)?.kind !== 'sales-agent' || nk(company) === nk(c.item(k).text)) continue;
    add(c.st, 'mandate', { title: c.item(k).text, company, territories: null }, 0.6, c.span());
  }
}
