/**
 * The fonts filmrights writes PDFs in, embedded in every file (pdfkit keeps only the glyphs used),
 * so a reader needs none of its own and no name comes out as garbage. They ship in
 * vendor/fonts (see its README.md for sources and licences), read from there wherever the project
 * is installed, never from the system.
 *
 * A character is drawn in the first family that has it: Noto Sans (Latin, Greek, Cyrillic, with a
 * real bold), Noto Sans Hebrew, Noto Sans Arabic, then Droid Sans Fallback (Chinese, Japanese kana
 * and kanji, Korean Hangul). A family without a bold file is made bold by outlining its glyphs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';

export const FONT_DIR = fileURLToPath(new URL('../../../vendor/fonts/', import.meta.url));

interface Family {
  name: string;
  regular: string;
  bold?: string;
}

/** In the order a character looks for its font. */
const FAMILIES: readonly Family[] = [
  { name: 'sans', regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' },
  { name: 'hebrew', regular: 'NotoSansHebrew-Regular.ttf', bold: 'NotoSansHebrew-Bold.ttf' },
  { name: 'arabic', regular: 'NotoSansArabic-Regular.ttf' },
  { name: 'cjk', regular: 'DroidSansFallback.ttf' },
];

/** A font as the PDF writers use it: its name registered with pdfkit, and whether its bold is drawn by outlining. */
export interface Face {
  id: string;
  family: number;
  syntheticBold: boolean;
}

const files = new Map<string, Buffer>();
function file(name: string): Buffer {
  let b = files.get(name);
  if (!b) {
    b = readFileSync(FONT_DIR + name);
    files.set(name, b);
  }
  return b;
}

let coverage: fontkit.Font[] | null = null;
function fonts(): fontkit.Font[] {
  coverage ??= FAMILIES.map((f) => {
    const font = fontkit.create(file(f.regular));
    if ('fonts' in font) throw new Error(`vendor/fonts/${f.regular} is a font collection, not one font`);
    return font;
  });
  return coverage;
}

// A family without a bold file draws its bold in the regular font: one file is registered once
// (pdfkit would open a file registered under two names again on every switch to the second).
const FACES = FAMILIES.map((f, i) => ({
  regular: { id: `fr-${f.name}`, family: i, syntheticBold: false },
  bold: f.bold ? { id: `fr-${f.name}-bold`, family: i, syntheticBold: false } : { id: `fr-${f.name}`, family: i, syntheticBold: true },
}));

/** Makes the fonts known to a new document (pdfkit opens and embeds only those the document uses). */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  FAMILIES.forEach((f, i) => {
    doc.registerFont(FACES[i].regular.id, file(f.regular));
    if (f.bold) doc.registerFont(FACES[i].bold.id, file(f.bold));
  });
}

export function face(family: number, bold: boolean): Face {
  return bold ? FACES[family].bold : FACES[family].regular;
}

/** Whether the family has a glyph for every code point of `chars`. */
export function familyHas(family: number, chars: string): boolean {
  const font = fonts()[family];
  for (const c of chars) if (!font.hasGlyphForCodePoint(c.codePointAt(0)!)) return false;
  return true;
}

/** The first family that has every code point of `chars`, or null when none has. */
export function familyFor(chars: string): number | null {
  for (let i = 0; i < FAMILIES.length; i++) if (familyHas(i, chars)) return i;
  return null;
}
