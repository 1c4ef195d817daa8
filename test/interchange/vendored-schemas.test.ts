/**
 * The MovieLabs schemas travel with the project (vendor/movielabs): every
 * Avails version we accept has its schema there, every import between them
 * resolves inside that folder (never the network, never outside the project),
 * the licence is beside them and beside the test samples, and each version's
 * schema compiles and judges a document.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AVAILS_SCHEMAS, MOVIELABS_XSD_DIR, validateAvailsXml } from '../../src/interchange/ema/xsd.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the vendored MovieLabs schemas', () => {
  const files = readdirSync(MOVIELABS_XSD_DIR).filter((f) => f.endsWith('.xsd'));

  it('are read from vendor/movielabs/xsd inside the project', () => {
    expect(relative(ROOT, MOVIELABS_XSD_DIR).split(/[\\/]/).filter(Boolean)).toEqual(['vendor', 'movielabs', 'xsd']);
    for (const file of Object.values(AVAILS_SCHEMAS)) expect(files).toContain(file);
  });

  it('import each other by a name in the same folder only', () => {
    const locations = files.flatMap((f) =>
      [...readFileSync(join(MOVIELABS_XSD_DIR, f), 'utf8').matchAll(/schemaLocation="([^"]*)"/g)].map((m) => ({ from: f, to: m[1] })),
    );
    expect(locations.length).toBeGreaterThan(20);
    expect(locations.filter((l) => !files.includes(l.to))).toEqual([]);
  });

  it('carry their licence, as do the test samples', () => {
    for (const dir of ['vendor/movielabs', 'test/fixtures/movielabs']) {
      expect(readFileSync(join(ROOT, dir, 'LICENSE-mddf.txt'), 'utf8')).toContain('Motion Picture Laboratories');
      expect(existsSync(join(ROOT, dir, 'README.md')), `${dir}/README.md`).toBe(true);
    }
  });

  it('compile for every Avails version we accept and refuse an unknown element', async () => {
    for (const version of Object.keys(AVAILS_SCHEMAS)) {
      const ns = `http://www.movielabs.com/schema/avails/v${version}/avails`;
      const r = await validateAvailsXml(`<?xml version="1.0"?><avails:AvailList xmlns:avails="${ns}"><avails:Bogus/></avails:AvailList>`);
      expect(r.version).toBe(version);
      expect(r.valid).toBe(false);
      expect(r.errors.map((e) => e.message).join('\n'), version).toContain(
        `Element '{${ns}}Bogus': This element is not expected. Expected is ( {${ns}}Avail )`,
      );
    }
  }, 180_000);
});
