/**
 * A company named with the country it serves: "SVT Sweden", "YLE Finland",
 * "VPRO the Netherlands" (public broadcasters, national branches). When the
 * name before the country is a company the gazetteer places in that country,
 * the buyer is that company and the country its territory. Names whose
 * country is part of the company's own name in the gazetteer ("Warner Bros.
 * France" is not in it as such, and the annotation rules do not infer a
 * territory from it) are left alone unless the shorter name is known there.
 */
import { lookupTerritoryName } from '../../domain/territories.js';
import { companyEntry } from '../companies.js';

export function splitHomeCountry(name: string): { company: string; territory: string } | null {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return null;
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const place = words.slice(words.length - n).join(' ');
    let company = words.slice(0, words.length - n).join(' ');
    if (/^the$/i.test(words[words.length - n - 1] ?? '') && words.length - n - 1 > 0)
      company = words.slice(0, words.length - n - 1).join(' ');
    const terr = lookupTerritoryName(place);
    if (!terr || terr.kind !== 'country') continue;
    const entry = companyEntry(company);
    if (entry && entry.country === terr.ref) return { company, territory: place };
  }
  return null;
}
