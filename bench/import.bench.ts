/**
 * Deal-sheet import benchmark (issue: interchange). A sales agent's 10,000
 * deal rows (CSV, territories and media as people write them) imported into
 * a catalog of 1,000 titles under a worldwide mandate: read + map + parse +
 * plan + conflict-check + write, in one transaction, on a SQLite file.
 * Target: under 30 s. Prints the preview (dry run) and the commit times.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilmRights, SYSTEM } from '../src/services/app.js';
import { createTitle } from '../src/services/catalog.js';
import { saveContract } from '../src/services/contracts.js';
import { findOrCreateCompany } from '../src/services/people.js';
import { setWeCompany } from '../src/services/settings.js';
import { importFile } from '../src/services/imports.js';

const COUNTRIES = [
  'Germany',
  'France',
  'Italy',
  'Spain',
  'U.K.',
  'Japan',
  'South Korea',
  'Brazil',
  'Mexico',
  'Australia',
  'Benelux',
  'Scandinavia',
  'Poland',
  'Turkey',
  'India',
  'Argentina',
  'Portugal',
  'Greece',
  'Israel',
  'South Africa',
];
const MEDIA = ['all rights', 'Theatrical', 'TV rights', 'SVOD', 'home video', 'EST/TVOD', 'Free TV', 'Pay TV', 'AVOD', 'non-theatrical'];

export function dealSheet(titles: string[], rows: number): Buffer {
  const lines = ['Film,Buyer,Territory,Media,Start,End,Exclusive,MG,Currency,Status'];
  for (let i = 0; i < rows; i++) {
    const t = titles[i % titles.length];
    const k = Math.floor(i / titles.length); // the k-th deal of this title: its own territory
    const country = COUNTRIES[k % COUNTRIES.length];
    const media = MEDIA[(i * 7) % MEDIA.length];
    const year = 2025 + (k % 5);
    lines.push(
      `"${t}",Buyer ${i % 250},${country},${media},${year}-01-01,${year + 4}-12-31,${k % 3 === 0 ? 'Non-exclusive' : 'Yes'},"${(10_000 + i * 13).toLocaleString('en-US')}",${i % 2 ? 'EUR' : 'USD'},Signed`,
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

export async function importBench(rows = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'filmrights-import-bench-'));
  const app = await FilmRights.open({ file: join(dir, 'bench.db') });
  try {
    const us = (await findOrCreateCompany(app, SYSTEM, { name: 'Sales Co', kind: 'sales-agent' })).company.id;
    const prod = (await findOrCreateCompany(app, SYSTEM, { name: 'Producer', kind: 'production' })).company.id;
    await setWeCompany(app, SYSTEM, us);
    const titles: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < Math.min(1000, Math.max(1, Math.ceil(rows / 10))); i++) {
      const name = `Bench Film ${String(i).padStart(4, '0')}`;
      titles.push(name);
      ids.push((await createTitle(app, SYSTEM, { originalTitle: name, year: 2024 })).id);
    }
    await saveContract(app, SYSTEM, {
      ref: 'MANDATE',
      status: 'signed',
      licensorId: prod,
      licenseeId: us,
      titleIds: ids,
      blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2024-01-01', end: '2040-12-31', exclusive: true }],
    });
    const file = dealSheet(titles, rows);
    const mem0 = process.memoryUsage().rss;
    let t0 = performance.now();
    let previewMs = NaN;
    if (!process.env.BENCH_NO_PREVIEW) {
      const preview = await importFile(app, SYSTEM, file, 'deals.csv', { commit: false });
      previewMs = performance.now() - t0;
      const errors = preview.problems.filter((p) => p.severity === 'error');
      if (errors.length)
        throw new Error(
          `bench sheet has problems: ${errors
            .slice(0, 3)
            .map((p) => `${p.where}: ${p.message}`)
            .join('; ')}`,
        );
    }
    let last = 0;
    t0 = performance.now();
    const done = await importFile(app, SYSTEM, file, 'deals.csv', {
      commit: true,
      onProgress: (n, total) => {
        if (n - last >= total / 4 || n === total) {
          last = n;
          process.stdout.write(`  ... ${n}/${total} contracts (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
        }
      },
    });
    const commitMs = performance.now() - t0;
    const contracts = 'created' in done ? done.created.contracts : 0;
    console.log(`import: ${rows} deal rows (CSV, ${(file.length / 1024).toFixed(0)} KiB) over ${titles.length} titles, SQLite file`);
    console.log(`  preview (dry run, rolled back): ${(previewMs / 1000).toFixed(2)} s`);
    console.log(
      `  commit (one transaction, conflict-checked): ${(commitMs / 1000).toFixed(2)} s for ${contracts} contracts (${((commitMs / rows) * 1000).toFixed(0)} µs per row; target < 30 s)`,
    );
    console.log(`  rss grew ${((process.memoryUsage().rss - mem0) / 1024 / 1024).toFixed(0)} MiB`);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const self = process.argv[1] && /import\.bench\.ts$/.test(process.argv[1]);
if (self) await importBench();
