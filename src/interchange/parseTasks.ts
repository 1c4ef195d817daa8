/** The tasks of the import workers (reader.ts): run in a worker thread, plain data in and out. */
import { parseFile, type ParseOptions } from './parse.js';

export const tasks = {
  parse: ({ data, name, opts }: { data: Uint8Array; name: string; opts: ParseOptions }) => parseFile(data, name, opts),
};
