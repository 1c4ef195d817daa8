import { COUNTRY_LIST } from './countries.js';
import { territoryCodes } from './territories.js';
import { TERRITORY_GROUPS, type TerritoryGroup } from './territoryGroups.js';

/**
 * docs/territories.md, rendered from data/territory-groups.json and
 * data/countries.json (scripts/gen-territory-doc.ts writes it; a test checks
 * that the committed file is up to date).
 */
const esc = (s: string) => s.replace(/\|/g, '\\|');

function definition(g: TerritoryGroup, byId: Map<string, TerritoryGroup>): string {
  const parts: string[] = [];
  if (g.allCountries) parts.push('every country');
  if (g.includes.length) parts.push(g.includes.map((id) => byId.get(id)?.name ?? id).join(' + '));
  if (g.members.length) parts.push(g.members.join(' '));
  let s = parts.join(' + ');
  if (g.excludes.length) s += `, excl. ${g.excludes.join(' ')}`;
  return s;
}

export function renderTerritoryDoc(): string {
  const byId = new Map(TERRITORY_GROUPS.map((g) => [g.id, g]));
  const lines: string[] = [];
  lines.push('# Territory groups');
  lines.push('');
  lines.push(
    '<!-- Generated from data/territory-groups.json by `npx tsx scripts/gen-territory-doc.ts`. Do not edit by hand: edit the data and regenerate (a test fails when this file is stale). -->',
  );
  lines.push('');
  lines.push(
    "The film business names territories by groups: *Worldwide*, *North America*, *Benelux*, *German-speaking Europe*, *CIS*... IFTA's International Schedule of Territory Definitions is the industry's standard for these names, but none of its membership lists could be read (see docs/domain.md, *Sources of the reference data*). **Every membership below is ours**, defined from common, documentable usage; none is verified against IFTA (`verified: false`). The notes record every judgment call. Groups may overlap; a country may sit in several groups.",
  );
  lines.push('');
  lines.push(
    'Countries are ISO 3166-1 alpha-2 codes from `data/countries.json` (generated from the i18n-iso-countries package by `scripts/gen-countries.ts`), plus `XK` for Kosovo, a user-assigned code that is not an official ISO 3166-1 assignment. Places without a code of their own map to the code that contains them:',
  );
  lines.push('');
  for (const c of COUNTRY_LIST) if (c.places.length) lines.push(`- ${c.places.join(', ')} → ${c.code} (${c.name})`);
  lines.push('');
  lines.push(
    'How expressions are read (`parseTerritories`): names, aliases, alpha-2 and alpha-3 codes are matched ignoring case, accents, punctuation and "the"; group names and aliases win over country names ("U.S." is the U.S. group, with its territories); adjectives and the words "rights" and "territory" are understood ("North American rights"). Lists use `,` `;` `/` `&` `+` or "and"; "excl.", "excluding", "except", "ex", "less", "minus", "without" subtract everything after them ("Worldwide excl. North America and China"), or only the preceding item inside parentheses ("Latin America (excl. Brazil), Spain"); "incl.", "including", "plus" add. "Rest of World" / "RoW" is the complement of the territories already named in the deal, never a fixed group.',
  );
  lines.push('');
  lines.push('## Groups');
  lines.push('');
  lines.push('| Group | id | Also written | Definition | Countries | Source |');
  lines.push('| --- | --- | --- | --- | --- | --- |');
  for (const g of TERRITORY_GROUPS) {
    const codes = territoryCodes(g.set);
    const countries = g.allCountries ? `all ${codes.length}` : `${codes.length}: ${codes.join(' ')}`;
    const names = [...new Set([g.label !== g.name ? g.label : '', ...g.aliases].filter(Boolean))];
    lines.push(
      `| ${esc(g.name)} | \`${g.id}\` | ${esc(names.join('; '))} | ${esc(definition(g, byId))} | ${countries} | ${esc(g.source)} |`,
    );
  }
  lines.push('');
  lines.push('## Judgment calls');
  lines.push('');
  for (const g of TERRITORY_GROUPS) {
    if (!g.notes.length) continue;
    lines.push(`### ${g.name} (\`${g.id}\`)`);
    lines.push('');
    for (const n of g.notes) lines.push(`- ${n}`);
    lines.push('');
  }
  return lines.join('\n');
}
