/**
 * The release this code is (package.json's semantic version, read once at start),
 * the one place the CLI, the API and the OpenAPI document take it from.
 */
import { readFileSync } from 'node:fs';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;
