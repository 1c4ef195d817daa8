/**
 * The JSON interchange format (docs/json-format.md): the whole record written
 * by hand or by a program, with names instead of ids ("Neon", "One Second",
 * "TIFF 2021").
 *
 * `importJson` checks the WHOLE document first and refuses it as a whole,
 * every error naming the record and the field
 * (`contracts[2].blocks[0].territories: unknown territory "Germny". Did you
 * mean: Germany?`). It then writes everything in ONE transaction: contracts
 * go through the same write path as saveContract (`writeContractIn`, with its
 * conflict check, inside this transaction), and any failure rolls the
 * whole document back, leaving the database exactly as it was.
 *
 * `exportJson` writes the same format back, deterministically (sorted by
 * name), so export → import into an empty database → export gives the same
 * document.
 */
export * from '../interchange/json/document.js';
export { sourceFilePath, importJson } from './json/import.js';
export { exportJson } from './json/export.js';
