/** A long article made of our own corpus's articles, one after the other. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CORPUS = fileURLToPath(new URL('../../corpus/articles/', import.meta.url));

/** The corpus's article bodies in turn, up to `chars` characters (cut between articles). */
export function longArticle(chars: number): string {
  const bodies = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) =>
      readFileSync(`${CORPUS}${f}`, 'utf8')
        .replace(/^date.*\n+/, '')
        .trim(),
    );
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; ; i++) {
    const next = bodies[i % bodies.length];
    if (length + next.length + 2 > chars) return parts.join('\n\n');
    parts.push(next);
    length += next.length + 2;
  }
}
