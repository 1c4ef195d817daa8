/**
 * Validation of Avails XML against the MovieLabs schema of its own version,
 * inside Node (xmllint compiled to WebAssembly: no network, no external
 * entities). The schemas are vendored in the project, with their licence,
 * under vendor/movielabs/xsd (see vendor/movielabs/README.md).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

/** The vendored MovieLabs schemas, found from this module wherever the project is installed. */
export const MOVIELABS_XSD_DIR = fileURLToPath(new URL('../../../vendor/movielabs/xsd/', import.meta.url));

/** Avails schema versions we know, newest first, and the file of each. */
export const AVAILS_SCHEMAS: Record<string, string> = {
  '2.7': 'avails-v2.7.xsd',
  '2.6': 'avails-v2.6.xsd',
  '2.5.2': 'avails-v2.5.2.xsd',
  '2.5': 'avails-v2.5.xsd',
  '2.4': 'avails-v2.4.xsd',
  '2.3': 'avails-v2.3.xsd',
  '2.2.2': 'avails-v2.2.2.xsd',
  '2.2.1': 'avails-v2.2.1.xsd',
};

export interface SchemaResult {
  valid: boolean;
  version: string;
  errors: Array<{ line: number | null; message: string }>;
}

/** The avails version a document declares by its namespace ("http://www.movielabs.com/schema/avails/v2.4/avails" → "2.4"). */
export function declaredAvailsVersion(xml: string): string | null {
  const m = /xmlns(?::\w+)?\s*=\s*["']http:\/\/www\.movielabs\.com\/schema\/avails\/v([\d.]+)\/avails["']/.exec(xml);
  return m ? m[1] : null;
}

let cache: Array<{ fileName: string; contents: string }> | null = null;
function schemaFiles(): Array<{ fileName: string; contents: string }> {
  if (cache) return cache;
  const dir = MOVIELABS_XSD_DIR;
  if (!existsSync(dir)) throw new Error(`the MovieLabs schemas are missing from ${dir} (the installation is incomplete)`);
  cache = readdirSync(dir)
    .filter((f) => f.endsWith('.xsd'))
    .sort()
    .map((f) => ({ fileName: f, contents: readFileSync(join(dir, f), 'utf8') }));
  return cache;
}

/** Validates an Avails XML document against the schema of the version its namespace declares. */
export async function validateAvailsXml(xml: string): Promise<SchemaResult> {
  const version = declaredAvailsVersion(xml);
  if (!version || !AVAILS_SCHEMAS[version]) {
    return {
      valid: false,
      version: version ?? 'unknown',
      errors: [{ line: null, message: `no MovieLabs Avails schema for namespace version ${version ?? '(none declared)'}` }],
    };
  }
  const files = schemaFiles();
  const main = files.find((f) => f.fileName === AVAILS_SCHEMAS[version]);
  if (!main) throw new Error(`schema ${AVAILS_SCHEMAS[version]} is missing from ${MOVIELABS_XSD_DIR}`);
  const result = await validateXML({
    xml: [{ fileName: 'avails.xml', contents: xml }],
    schema: [main],
    preload: files.filter((f) => f !== main),
    maxMemoryPages: 4096,
    // Never fetch anything: schemas come from the preloaded files only.
    modifyArguments: (args) => ['--nonet', ...args],
  });
  return { valid: result.valid, version, errors: result.errors.map((e) => ({ line: e.loc?.lineNumber ?? null, message: e.message })) };
}
