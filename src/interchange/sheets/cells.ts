/**
 * Reading spreadsheet cells as values, whatever way they were typed: text,
 * numbers, booleans, dates; rich text and hyperlinks as their text. A formula
 * is never evaluated nor trusted (its cached result may be stale, and a
 * sheet from outside should not compute anything): the constants TRUE() and
 * FALSE(), which templates use for booleans, are read as booleans; any other
 * formula is refused, naming its cell.
 */
import type ExcelJS from 'exceljs';
import type { Cell } from '../ema/model.js';

export type CellRead = { value: Cell } | { formula: string };

export function readCell(c: ExcelJS.Cell): CellRead {
  const v = c.value as unknown;
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'string') return { value: v.trim() === '' ? null : v };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: v };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      const f = String(o.formula ?? o.sharedFormula ?? '')
        .trim()
        .replace(/^=/, '');
      if (/^TRUE(\(\))?$/i.test(f)) return { value: true };
      if (/^FALSE(\(\))?$/i.test(f)) return { value: false };
      // a cell sharing the formula of another (read as a stream, it does not repeat the text)
      if (!f) return { formula: 'a shared formula' };
      return { formula: `=${f}` };
    }
    if (Array.isArray(o.richText)) return { value: (o.richText as Array<{ text: string }>).map((t) => t.text).join('') || null };
    if ('hyperlink' in o) return { value: typeof o.text === 'string' ? o.text : String(o.hyperlink) };
    if ('error' in o) return { value: String(o.error) };
  }
  return { value: String(v) };
}

/** A1-style column letters of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
