/**
 * What an importer needs to know of the catalog while it plans: which titles
 * a name stands for, a title's display name, and which contract refs are
 * still free. The services pass an implementation in (services/write), so
 * the formats read no database and import no service.
 */

/** Every title's names, for finding the titles a name (and year) stands for. */
export interface TitleFinder {
  readonly ids: ReadonlySet<string>;
  /** Ids of the titles a name (or "Name (2020)") stands for: none, one, or several (ambiguous). */
  find(name: string, year?: number | null): string[];
}

export interface ImportLookup {
  /** The titles of the catalog, by every name they go by. */
  titles(): Promise<TitleFinder>;
  /** A title's name as the catalog shows it. */
  titleName(id: string): string;
  /** Contract refs not yet taken ("EMA-ITUNES-FIRST-DANCE", then "-2"...), one per wanted ref. */
  freeRefs(wanted: string[]): Promise<string[]>;
}
