/**
 * The file formats filmrights reads: the JSON interchange document, an EMA
 * avails spreadsheet, Avails XML, or a CSV / XLSX deal or catalog sheet.
 * Reading, detecting and planning live here; writing an import is the
 * services' (services/imports.ts, one transaction through write/commitPlan).
 */
import { IMPORT_FORMATS, IMPORT_LIMITS, detectFormat, type ImportFormat } from './parse.js';
import { ImportRefused, UnreadableFile, type Problem } from './problems.js';

export { IMPORT_FORMATS, IMPORT_LIMITS, ImportRefused, UnreadableFile, detectFormat, type ImportFormat, type Problem };
