/** Writes docs/media.md from data/media-tree.json.   npx tsx scripts/gen-media-doc.ts */
import { writeFileSync } from 'node:fs';
import { renderMediaDoc } from '../src/domain/mediaDoc.js';

writeFileSync(new URL('../docs/media.md', import.meta.url), renderMediaDoc());
console.log('docs/media.md written');
