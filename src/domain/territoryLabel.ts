import { equals } from './bitset.js';
import { COUNTRIES, COUNTRY_LIST } from './countries.js';
import { type LabelPart, SetLabeler } from './setLabel.js';
import { TERRITORY_GROUPS } from './territoryGroups.js';
import { lookupTerritoryName, parseTerritories, type TerritorySet } from './territories.js';

/**
 * The shortest faithful name of a set of countries, as people write it:
 * "Worldwide", "North America", "Germany", "Benelux and Germany",
 * "Worldwide excl. North America and China", "Latin America excl. Brazil".
 * parseTerritories(territoryLabel(s)) is s for every non-empty s.
 */
let labeler: SetLabeler | undefined;

function build(): SetLabeler {
  const parts: LabelPart[] = [];
  const faithful = (name: string, set: TerritorySet): boolean => {
    try {
      return equals(parseTerritories(name), set);
    } catch {
      return false;
    }
  };
  for (const g of TERRITORY_GROUPS) {
    if (faithful(g.label, g.set)) parts.push({ name: g.label, set: g.set });
    else if (faithful(g.name, g.set)) parts.push({ name: g.name, set: g.set });
  }
  for (const c of COUNTRY_LIST) {
    // A country is named by its first English name that names it alone
    // ("United States" names the U.S. group, so the bare code US has none).
    for (const n of [c.name, ...c.aliases]) {
      const hit = lookupTerritoryName(n);
      if (hit?.kind === 'country' && hit.ref === c.code && faithful(n, hit.set)) {
        parts.push({ name: n, set: hit.set });
        break;
      }
    }
  }
  return new SetLabeler(COUNTRIES.size, parts, 'no territories');
}

export function territoryLabel(set: TerritorySet): string {
  labeler ??= build();
  return labeler.label(set);
}
