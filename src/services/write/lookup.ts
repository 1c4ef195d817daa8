/** The catalog as the importers see it while they plan (interchange/lookup.ts), read from the store. */
import type { ImportLookup } from '../../interchange/lookup.js';
import type { FilmRights } from '../app.js';
import { TitleIndex } from '../catalog.js';
import { freeRefs } from './commitPlan.js';

export function importLookup(app: FilmRights): ImportLookup {
  return {
    titles: () => TitleIndex.load(app.store.db),
    titleName: (id) => app.titleName(id),
    freeRefs: (wanted) => freeRefs(app, wanted),
  };
}
