/** Reference data the whole app shares, loaded once per page load. */
import { api } from './api';
import { cached, useCached } from './hooks';
import { asRoots } from './mediaTree';
import type { Country, MediaNode } from '../../../src/contract/index.js';

export function loadMediaTree(): Promise<MediaNode[]> {
  return cached('media-tree', () => api.get<MediaNode | MediaNode[]>('/api/reference/media').then(asRoots));
}

/** Every country, by name in the reader's language order ("Côte d'Ivoire" among the C's), not by ISO code. */
export function loadCountries(): Promise<Country[]> {
  return cached('countries', () =>
    api.get<Country[] | { items: Country[] }>('/api/reference/countries').then((r) => sortCountries(Array.isArray(r) ? r : r.items)),
  );
}

export function sortCountries(list: Country[]): Country[] {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  return [...list].sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.code, b.code));
}

export function useMediaTree(enabled = true) {
  return useCached(enabled ? 'media-tree' : null, loadMediaTree);
}

export function useCountries(enabled = true) {
  const r = useCached(enabled ? 'countries' : null, loadCountries);
  return { ...r, byCode: r.data ? countryIndex(r.data) : undefined };
}

const indexes = new WeakMap<Country[], Map<string, string>>();
function countryIndex(list: Country[]): Map<string, string> {
  let m = indexes.get(list);
  if (!m) {
    m = new Map(list.map((c) => [c.code, c.name]));
    indexes.set(list, m);
  }
  return m;
}
