/**
 * The demo data a new install shows: the founding trade-press report (One
 * Second, Neon, Wild Bunch, TIFF, Cannes, the Berlinale...) as an
 * interchange document, data/demo.json, with the article's text in
 * data/seed-article.txt and every fact tied to its sentence.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SYSTEM, type Actor, type FilmRights } from './app.js';
import { importJson, type ImportSummary, type InterchangeDocument } from './interchange.js';

export const DEMO_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
export const DEMO_FILE = fileURLToPath(new URL('../../data/demo.json', import.meta.url));

export function readDemo(): InterchangeDocument {
  return JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as InterchangeDocument;
}

/** Loads the demo into an empty catalog. Does nothing (and returns null) when there are titles already. */
export async function loadDemo(app: FilmRights, actor: Actor = SYSTEM): Promise<ImportSummary | null> {
  const any = await app.store.db.selectFrom('titles').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  return importJson(app, actor, readDemo(), { baseDir: DEMO_DIR });
}
