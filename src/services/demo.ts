/**
 * The demo data a new install shows: the founding trade-press report (One
 * Second, Neon, Wild Bunch, TIFF, Cannes, the Berlinale...) as an
 * interchange document, data/demo.json, with the article's text in
 * data/seed-article.txt and every fact tied to its sentence. The article
 * itself is then in the Articles list, as if pasted: each of its facts is
 * recognised as already on record (its stored source is reused) and, like the
 * demo's facts on the title pages, waits for a reviewer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM, type Actor, type FilmRights } from './app.js';
import { ingestArticle } from './articles.js';
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
  const doc = readDemo();
  const summary = await importJson(app, actor, doc, { baseDir: DEMO_DIR });
  for (const s of doc.sources ?? []) {
    if (s.kind !== 'article' || !s.file) continue;
    const text = readFileSync(join(DEMO_DIR, s.file), 'utf8');
    // the stored source (same text) is reused: its facts are recognised as on record
    await ingestArticle(app, actor, {
      text,
      outlet: s.outlet ?? undefined,
      title: s.title ?? undefined,
      date: s.publishedOn ?? undefined,
    });
  }
  return summary;
}
