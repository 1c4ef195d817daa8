/**
 * `filmrights ingest <file|url> [--json]`: reads a trade-press article (a .txt
 * or .html file, or a page at a URL), stores it with its candidate facts for
 * review (as POST /api/articles does: the same article twice is stored once)
 * and prints the facts with their evidence. `--dry-run` only extracts, without
 * a database.
 */
import { type Command } from 'commander';
import { extractFacts } from '../ingest/extract.js';
import { readArticle } from '../ingest/intake.js';
import { factSummary } from '../ingest/summary.js';
import { readingsOf, unreadDealSentences, type UnreadSentence } from '../ingest/unread.js';
import type { FactType } from '../ingest/types.js';
import { FilmRights, SYSTEM, type Actor } from '../services/app.js';
import { ingestLocalArticle } from '../services/articles.js';

const CLI: Actor = { ...SYSTEM, id: 'cli', username: 'cli' };

interface Line {
  type: FactType;
  fields: Record<string, unknown>;
  confidence: number;
  quote: string;
  status?: string;
  names?: string;
}

/** The sentences not read, after the facts: what a person should read in the article. */
function printUnread(text: string, unread: readonly UnreadSentence[]): void {
  if (!unread.length) return;
  console.log(
    `${unread.length} ${unread.length === 1 ? 'sentence speaks' : 'sentences speak'} of a sale the reader did not read, or read in part: read ${unread.length === 1 ? 'it' : 'them'}`,
  );
  for (const u of unread) {
    const quote = text.slice(u.span[0], u.span[1]).replace(/\s+/g, ' ');
    console.log(
      `  ${u.partly ? `read in part, no fact names ${u.names.join(', ')}: ` : ''}“${quote.slice(0, 160)}${quote.length > 160 ? '…' : ''}”`,
    );
    // what the review's form would offer: the buyer it fills in and the titles the sentence may name
    const offer = [
      !u.partly && u.names.length ? `buyer perhaps ${u.names.slice(0, 3).join(', ')}` : '',
      u.titles.length ? `title perhaps ${u.titles.slice(0, 3).join(', ')}` : '',
    ].filter(Boolean);
    if (offer.length) console.log(`    (${offer.join('; ')})`);
  }
}

function print(lines: Line[], head: string): void {
  console.log(head);
  for (const l of lines) {
    console.log(
      `  ${l.type.padEnd(16)} ${factSummary(l.type, l.fields)}  (${l.confidence.toFixed(2)}${l.status && l.status !== 'pending' ? `, ${l.status}` : ''})`,
    );
    if (l.names) console.log(`  ${''.padEnd(16)} ${l.names}`);
    console.log(`  ${''.padEnd(16)} “${l.quote.replace(/\s+/g, ' ').slice(0, 160)}${l.quote.length > 160 ? '…' : ''}”`);
  }
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('read a trade-press article (.txt/.html file or URL) and store its candidate facts for review')
    .argument('<file|url>', 'the article: a local .txt or .html file, or an http(s) URL')
    .option('--outlet <name>', 'the outlet (default: from the URL or the page)')
    .option('--date <YYYY-MM-DD>', 'the article\'s date (default: the page\'s, else a leading "date YYYY-MM-DD" line, else today)')
    .option('--title <title>', "the article's headline")
    .option('--dry-run', 'extract and print only; store nothing')
    .option('--json', 'print the article and its facts as JSON')
    .action(
      async (target: string, o: { outlet?: string; date?: string; title?: string; dryRun?: boolean; json?: boolean }, cmd: Command) => {
        const isUrl = /^https?:\/\//i.test(target);
        const input = { ...(isUrl ? { url: target } : { file: target }), outlet: o.outlet, date: o.date, title: o.title };
        if (o.dryRun) {
          const a = await readArticle(input);
          const x = extractFacts(a.text, { date: a.date, titleSpans: a.titleSpans });
          const unread = unreadDealSentences(a.text, readingsOf(x.facts));
          if (o.json) {
            process.stdout.write(
              `${JSON.stringify({ article: { ...a, date: x.date }, facts: x.facts.map((f) => ({ ...f, quote: a.text.slice(f.span[0], f.span[1]) })), unread }, null, 2)}\n`,
            );
            return;
          }
          print(
            x.facts.map((f) => ({
              type: f.type,
              fields: { ...f.fields },
              confidence: f.confidence,
              quote: a.text.slice(f.span[0], f.span[1]),
            })),
            `${a.title ?? target} (${a.outlet ?? 'unknown outlet'}, ${x.date}): ${x.facts.length} candidate facts (not stored)`,
          );
          printUnread(a.text, unread);
          return;
        }
        const g = cmd.optsWithGlobals<{ db?: string; databaseUrl?: string }>();
        const app = await FilmRights.open({ url: g.databaseUrl, file: g.db });
        try {
          const { article, duplicate } = await ingestLocalArticle(app, CLI, input);
          if (o.json) {
            process.stdout.write(`${JSON.stringify({ article, duplicate }, null, 2)}\n`);
            return;
          }
          print(
            article.facts.map((f) => ({
              type: f.type,
              fields: f.fields,
              confidence: f.confidence,
              quote: f.quote,
              status: f.status,
              names:
                Object.values(f.resolution)
                  .map(
                    (r) =>
                      `${r.name}: ${r.status === 'known' ? 'known' : r.status === 'similar' ? `≈ ${r.matched}` : r.status === 'ambiguous' ? `ambiguous (${r.candidates.map((c) => c.name).join(' / ')})` : 'new'}`,
                  )
                  .join('; ') + (f.known ? `; on record (${f.known.sources} source${f.known.sources === 1 ? '' : 's'})` : ''),
            })),
            `${duplicate ? 'Already ingested' : 'Ingested'} article ${article.id}: ${article.title ?? target} (${article.outlet ?? 'unknown outlet'}, ${article.publishedOn ?? 'no date'}), ${article.facts.length} facts (${article.counts.pending} to review). Review them in the web app (Articles) or with POST /api/articles/${article.id}/facts/<id>/accept.`,
          );
          printUnread(article.text, article.unread);
        } finally {
          await app.close();
        }
      },
    );
}
