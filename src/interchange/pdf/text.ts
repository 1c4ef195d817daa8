/**
 * Text in the PDFs, laid out in the fonts it is drawn in: each character in the first embedded font
 * that has it (./fonts.ts), lines broken where Unicode allows (UAX #14, so between two Chinese
 * characters as between two English words), widths measured in those fonts, a text past its last
 * allowed line cut with an ellipsis, and right-to-left scripts (Hebrew, Arabic) put in reading order
 * by the Unicode bidirectional algorithm, Arabic letters joined by the font's own shaping.
 *
 * pdfkit's own wrapping measures one font at a time; here a line can mix several, always on one
 * baseline.
 */
import bidiJs from 'bidi-js';
import LineBreaker from 'linebreak';
import { face, familyFor, familyHas, type Face } from './fonts.js';

export interface TextStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  /** A CSS colour name or #rrggbb; black by default. */
  color?: string;
}

/** A line's height, and its baseline's distance from the line's top, as multiples of the font size. */
const LINE_HEIGHT = 1.25;
const ASCENT = 0.95;
/** How thick the outline that makes a font without a bold face bold, per point of size. */
const OUTLINE = 0.03;
/** How far italic text leans: pdfkit's oblique angle, in degrees. */
const OBLIQUE = 12;

export const lineHeight = (style: TextStyle) => style.size * LINE_HEIGHT;
/** How far below a line's top its baseline is: two styles on one line share a baseline when their tops differ by the difference. */
export const ascent = (style: TextStyle) => style.size * ASCENT;

/** bidi-js is CommonJS (`module.exports = factory`) though its types describe an ES default export. */
const bidiFactory: typeof bidiJs.default = typeof bidiJs === 'function' ? bidiJs : bidiJs.default;
const bidi = bidiFactory();
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\uD802[\uDC00-\uDFFF]|\uD83A[\uDD00-\uDFFF]/;

interface Run {
  text: string;
  face: Face;
  /** Shaped as one piece, spaces and all (pdfkit otherwise lays out word by word, which would put right-to-left words in the wrong order). */
  whole?: boolean;
}

/** Characters that never combine with their neighbours (Latin, Latin-1, Latin Extended, general punctuation). */
const SIMPLE = /^[\u0020-\u007E\u00A0-\u024F\u2010-\u2027\u2030-\u205E\u20AC]*$/;
/** Whether the first font draws a character, remembered (most text is the same few dozen characters). */
const inFirst = new Map<string, boolean>();
const firstHas = (c: string) => {
  let has = inFirst.get(c);
  if (has === undefined) inFirst.set(c, (has = familyHas(0, c)));
  return has;
};

/** The text in runs of one font each; a space stays in the font of the text before it. */
function fontRuns(text: string, bold: boolean): Run[] {
  // most text is Latin the first font draws whole: one run, without segmenting it into graphemes
  if (SIMPLE.test(text) && [...text].every(firstHas)) return text ? [{ text, face: face(0, bold) }] : [];
  const runs: Array<{ text: string; family: number }> = [];
  for (const { segment } of graphemes.segment(text)) {
    const needed = [...segment].filter((c) => !IGNORABLE.test(c)).join('');
    const last = runs[runs.length - 1];
    const family = last && (!needed || (/^\s+$/.test(needed) && familyHas(last.family, needed))) ? last.family : (familyFor(needed) ?? 0);
    // a format character the font cannot draw (a direction mark, a variation selector) is left out
    const drawn = [...segment].filter((c) => !IGNORABLE.test(c) || familyHas(family, c)).join('');
    if (!drawn) continue;
    if (last && last.family === family) last.text += drawn;
    else runs.push({ text: drawn, family });
  }
  return runs.map((r) => ({ text: r.text, face: face(r.family, bold) }));
}

/** Widths measured, by face, size and text: a sheet measures the same few words thousands of times (bounded). */
const widths = new Map<string, number>();

function runWidth(doc: PDFKit.PDFDocument, run: Run, size: number): number {
  const k = `${run.face.id}|${size}|${run.whole ? 1 : 0}|${run.text}`;
  let w = widths.get(k);
  if (w === undefined) {
    w = doc
      .font(run.face.id)
      .fontSize(size)
      .widthOfString(run.text, run.whole ? { features: [] } : {});
    if (widths.size >= 20_000) widths.clear();
    widths.set(k, w);
  }
  return w;
}

/** The width of `text` in `style`, in points, in the fonts it will be drawn in. */
export function textWidth(doc: PDFKit.PDFDocument, text: string, style: TextStyle): number {
  let w = 0;
  for (const run of fontRuns(text, !!style.bold)) w += runWidth(doc, run, style.size);
  return w;
}

export interface TextBlock {
  lines: string[];
  style: TextStyle;
  direction: 'ltr' | 'rtl';
  /** The widest line's width and the block's height, in points. */
  width: number;
  height: number;
}

/**
 * Breaks `text` into lines no wider than `width` (a word wider than that is broken between its
 * letters); past `maxLines`, the last line ends with "…". Newlines in the text start new lines.
 */
export function layoutText(doc: PDFKit.PDFDocument, text: string, style: TextStyle, width: number, maxLines = Infinity): TextBlock {
  const measure = (s: string) => textWidth(doc, s, style);
  // a text on one line that fits (a table's cell, most often) needs no breaking
  if (!/[\n\r\v\f\u0085\u2028\u2029]/.test(text) && !RTL.test(text)) {
    const whole = measure(text.trimEnd());
    if (whole <= width) return { lines: [text.trimEnd()], style, direction: 'ltr', width: whole, height: lineHeight(style) };
  }
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const push = () => {
    lines.push(line.trimEnd());
    line = '';
    lineWidth = 0;
  };
  const breaker = new LineBreaker(text);
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const piece = text.slice(last, bk.position);
    last = bk.position;
    const inked = measure(piece.trimEnd());
    if (line && lineWidth + inked > width) push();
    if (inked > width) {
      // no place to break inside: break between letters
      for (const { segment } of graphemes.segment(piece)) {
        const w = measure(segment);
        if (line && lineWidth + w > width && segment.trim()) push();
        line += segment;
        lineWidth += w;
      }
    } else {
      line += piece;
      lineWidth += measure(piece);
    }
    if (bk.required) push();
  }
  if (line.trim() || !lines.length) push();

  if (lines.length > maxLines) {
    let cut = [...graphemes.segment(lines[maxLines - 1])].map((g) => g.segment);
    const ellipsis = (parts: string[]) => `${parts.join('').trimEnd()}…`;
    while (cut.length && measure(ellipsis(cut)) > width) cut = cut.slice(0, -1);
    lines.splice(maxLines - 1, lines.length, ellipsis(cut));
  }
  const direction = RTL.test(text) && bidi.getEmbeddingLevels(text, 'auto').paragraphs[0]?.level % 2 ? 'rtl' : 'ltr';
  return {
    lines,
    style,
    direction,
    width: Math.max(0, ...lines.map(measure)),
    height: lines.length * lineHeight(style),
  };
}

/** A line's runs from left to right as they are drawn: right-to-left text word by word, in reading order. */
function visualRuns(line: string, style: TextStyle, direction: 'ltr' | 'rtl'): Run[] {
  const bold = !!style.bold;
  if (direction === 'ltr' && !RTL.test(line)) return fontRuns(line, bold);
  const { levels } = bidi.getEmbeddingLevels(line, direction);
  // runs of one embedding level, then reordered (rule L2 of the algorithm)
  const spans: Array<{ start: number; end: number; level: number }> = [];
  for (let i = 0; i < line.length; i++) {
    const last = spans[spans.length - 1];
    if (last && last.level === levels[i]) last.end = i + 1;
    else spans.push({ start: i, end: i + 1, level: levels[i] });
  }
  const highest = Math.max(...spans.map((s) => s.level));
  const lowestOdd = Math.min(...spans.map((s) => (s.level % 2 ? s.level : Infinity)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < spans.length; i++) {
      if (spans[i].level < level) continue;
      let j = i;
      while (j < spans.length && spans[j].level >= level) j++;
      spans.splice(i, j - i, ...spans.slice(i, j).reverse());
      i = j;
    }
  }
  const out: Run[] = [];
  for (const span of spans) {
    const text = line.slice(span.start, span.end);
    if (span.level % 2 === 0) {
      out.push(...fontRuns(text, bold));
      continue;
    }
    // right to left: a bracket faces the other way, the runs come in reverse order, and a run of
    // Hebrew or Arabic is shaped whole (fontkit joins the letters and lays them out right to left)
    const mirrored = [...text].map((c) => bidi.getMirroredCharacter(c) ?? c).join('');
    const runs = fontRuns(mirrored, bold).map((r) =>
      RTL.test(r.text)
        ? { ...r, whole: true }
        : {
            ...r,
            text: [...graphemes.segment(r.text)]
              .map((g) => g.segment)
              .reverse()
              .join(''),
          },
    );
    out.push(...runs.reverse());
  }
  return out;
}

/**
 * Draws a laid-out block with its first line's top at `top`. `align: 'right'` puts each line's end
 * at `x + width`.
 */
export function drawText(
  doc: PDFKit.PDFDocument,
  block: TextBlock,
  x: number,
  top: number,
  o: { width?: number; align?: 'left' | 'right' } = {},
) {
  block.lines.forEach((line, i) => {
    drawLine(doc, line, block.style, block.direction, x, top + i * lineHeight(block.style), o);
  });
}

function drawLine(
  doc: PDFKit.PDFDocument,
  line: string,
  style: TextStyle,
  direction: 'ltr' | 'rtl',
  x: number,
  top: number,
  o: { width?: number; align?: 'left' | 'right' },
) {
  // pdfkit moves its position to where it draws; the caller's flow keeps its own
  const { x: flowX, y: flowY } = doc;
  const runs = visualRuns(line, style, direction);
  const widths = runs.map((r) => runWidth(doc, r, style.size));
  let at = o.align === 'right' && o.width !== undefined ? x + o.width - widths.reduce((a, b) => a + b, 0) : x;
  const baseline = top + ascent(style);
  const color = style.color ?? 'black';
  runs.forEach((run, i) => {
    doc.font(run.face.id).fontSize(style.size).fillColor(color);
    const options: PDFKit.Mixins.TextOptions = {
      lineBreak: false,
      baseline: 'alphabetic',
      ...(style.italic ? { oblique: OBLIQUE } : {}),
      ...(run.whole ? { features: [] } : {}),
    };
    if (style.bold && run.face.syntheticBold) {
      doc
        .save()
        .lineWidth(style.size * OUTLINE)
        .strokeColor(color);
      doc.text(run.text, at, baseline, { ...options, fill: true, stroke: true });
      doc.restore();
    } else {
      doc.text(run.text, at, baseline, options);
    }
    at += widths[i];
  });
  doc.x = flowX;
  doc.y = flowY;
}

/**
 * Writes `text` at the document's current position, line under line, starting a new page when
 * the next line would cross the bottom margin, and moves the position below it.
 */
export function writeText(
  doc: PDFKit.PDFDocument,
  text: string,
  style: TextStyle,
  o: { x?: number; width?: number; maxLines?: number; align?: 'left' | 'right' } = {},
): void {
  const x = o.x ?? doc.page.margins.left;
  const width = o.width ?? doc.page.width - doc.page.margins.right - x;
  const block = layoutText(doc, text, style, width, o.maxLines);
  for (const line of block.lines) {
    if (doc.y + lineHeight(style) > doc.page.height - doc.page.margins.bottom) doc.addPage();
    drawLine(doc, line, style, block.direction, x, doc.y, { width, align: o.align });
    doc.y += lineHeight(style);
  }
  doc.x = doc.page.margins.left;
}

/** Starts a new page unless `height` points still fit above the bottom margin. */
export function keepRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}
