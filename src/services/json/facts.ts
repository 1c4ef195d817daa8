/**
 * A document's sources, read against the catalog: where a source's file may
 * be read from, and the records each stated fact names, as keys (ids, or
 * the `new:` keys of records the document creates).
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

import { invalid, unknownName } from '../../domain/errors.js';
import { closest } from '../../domain/fuzzy.js';
import type { FactDoc, FactKind } from '../../interchange/json/document.js';
import { CREDIT_ROLES, TITLE_COMPANY_ROLES } from '../../store/index.js';
import type { FestivalIndex } from '../festivals.js';
import { oneOf, optionalInt, requiredText } from '../lookup.js';
import type { NameIndex } from '../people.js';
import type { FactPlan } from '../write/records.js';

/** `file` resolved inside `baseDir` (symbolic links followed), or null when it points outside it. */
export function sourceFilePath(baseDir: string, file: string): string | null {
  if (isAbsolute(file) || file.includes('\0')) return null;
  let base: string;
  let target: string;
  try {
    base = realpathSync(baseDir);
    target = realpathSync(resolve(base, file));
  } catch {
    const lexical = resolve(baseDir, file);
    const rel = relative(resolve(baseDir), lexical);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? lexical : null;
  }
  const rel = relative(base, target);
  return rel && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel) ? target : null;
}

export interface FactContext {
  titleRef: (name: unknown, field: string) => string;
  companies: NameIndex;
  people: NameIndex;
  festivals: FestivalIndex;
  editions: Array<{ key: string; festivalKey: string; number: number | null; year: number }>;
}

/** Resolves a fact's names to keys (ids or new-record keys); the row itself is found after the writes. */
export function factPlan(kind: FactKind, fact: FactDoc, ff: string, ctx: FactContext): FactPlan {
  const need = (key: keyof FactDoc): string => requiredText(fact[key], `${ff}.${key}`);
  const company = (key: keyof FactDoc) => {
    const n = need(key);
    const id = ctx.companies.find(n);
    if (!id) throw unknownName(`${ff}.${key}`, n, 'company', closest(n, ctx.companies.names, 3));
    return id;
  };
  const person = (key: keyof FactDoc) => {
    const n = need(key);
    const id = ctx.people.find(n);
    if (!id) throw unknownName(`${ff}.${key}`, n, 'person', closest(n, ctx.people.names, 3));
    return id;
  };
  const festival = () => {
    const n = need('festival');
    const id = ctx.festivals.find(n);
    if (!id) throw unknownName(`${ff}.festival`, n, 'festival', closest(n, ctx.festivals.names, 3));
    return id;
  };
  const edition = () => {
    const fk = festival();
    const year = optionalInt(fact.year, `${ff}.year`, 1870, 2200);
    if (year === null) throw invalid(`${ff}.year`, fact.year, `${ff}.year: the edition's year`);
    const e = ctx.editions.find((x) => x.festivalKey === fk && x.year === year);
    if (!e) throw invalid(`${ff}.year`, year, `${ff}.year: ${fact.festival} has no edition in ${year}`);
    return e.key;
  };
  const title = () => ctx.titleRef(fact.title, `${ff}.title`);
  const base = { field: ff, doc: fact };
  switch (kind) {
    case 'title':
      return { ...base, table: 'titles', keys: { title: title() } };
    case 'alias':
      return { ...base, table: 'title_aliases', keys: { title: title(), alias: need('alias') } };
    case 'person':
      return { ...base, table: 'people', keys: { person: person('name') } };
    case 'company':
      return { ...base, table: 'companies', keys: { company: company('name') } };
    case 'credit':
      return {
        ...base,
        table: 'credits',
        keys: { title: title(), role: oneOf(fact.role, CREDIT_ROLES, `${ff}.role`), person: person('name') },
      };
    case 'titleCompany':
      return {
        ...base,
        table: 'title_companies',
        keys: { title: title(), role: oneOf(fact.role, TITLE_COMPANY_ROLES, `${ff}.role`), company: company('company') },
      };
    case 'contract':
      return { ...base, table: 'contracts', keys: { ref: need('ref') } };
    case 'festival':
      return { ...base, table: 'festivals', keys: { festival: festival() } };
    case 'edition':
      return { ...base, table: 'festival_editions', keys: { edition: edition() } };
    case 'selection':
      return { ...base, table: 'selections', keys: { title: title(), edition: edition() } };
    case 'award':
      return { ...base, table: 'awards', keys: { title: title(), edition: edition(), award: need('award') } };
    case 'release':
      return { ...base, table: 'releases', keys: { title: title(), territory: need('territory') } };
    case 'boxOffice':
      return {
        ...base,
        table: 'box_office',
        keys: {
          title: title(),
          territory:
            fact.territory === undefined || fact.territory === null || /^(worldwide|world|ww)$/i.test(String(fact.territory))
              ? null
              : need('territory'),
        },
      };
  }
}
