/** Writes docs/territories.md from data/territory-groups.json.   npx tsx scripts/gen-territory-doc.ts */
import { writeFileSync } from 'node:fs';
import { renderTerritoryDoc } from '../src/domain/territoryDoc.js';

writeFileSync(new URL('../docs/territories.md', import.meta.url), renderTerritoryDoc());
console.log('docs/territories.md written');
