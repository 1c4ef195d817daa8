/**
 * Every PDF filmrights writes (a statement, a buyer's avails sheet, a market's line-up sheet) with
 * names in the scripts the trade meets: Chinese, Japanese (kana and dates), Korean, Cyrillic, Greek,
 * Hebrew and Arabic next to Latin-1. The text must come out as written (extracted as a reader would
 * copy it), from fonts embedded in the file (never a reader's standard font, which has no CJK), and
 * laid out in the font actually used: nothing past the margins, nothing drawn over anything, a long
 * title cut with an ellipsis instead of running under the status beside it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AvailsSheetView } from '../../src/contract/index.js';
import { availsSheetPdf } from '../../src/interchange/buyers/availsSheet.js';
import { lineupSheetPdf, type LineupSheet } from '../../src/interchange/marketSheet/sheet.js';
import { newPdf } from '../../src/interchange/pdf/document.js';
import { FONT_DIR } from '../../src/interchange/pdf/fonts.js';
import { layoutText, lineHeight, textWidth } from '../../src/interchange/pdf/text.js';
import { statementPdf } from '../../src/interchange/statements/pdf.js';
import type { StatementView } from '../../src/interchange/statements/view.js';
import { overlaps, pastMargins, readPdf, type ReadPdf } from '../support/pdfs.js';

const MARGIN = 50;
/** The text with every run of white space removed: a wrapped line reads back with a line break in it. */
const squeezed = (s: string) => s.replace(/\s+/g, '');

/** Names invented for these tests, one per script. */
const NAMES = {
  chinese: '青山影业',
  director: '李明远',
  japanese: '星空映画',
  korean: '김서연',
  koreanCompany: '한빛 필름',
  cyrillic: 'Кинокомпания «Северный ветер»',
  greek: 'Ταινίες Αιγαίου',
  latin1: 'Zoë Ørsted',
  latin1Place: 'Ærø',
  hebrew: 'סרטי הנמל',
  arabic: 'سينما الواحة',
};

/** Every font the file uses is embedded (a subset, "ABCDEF+Name") and maps its glyphs back to text. */
function expectEmbeddedFonts(r: ReadPdf) {
  expect(r.fonts.length).toBeGreaterThan(0);
  expect(r.fonts.filter((f) => !/^[A-Z]{6}\+/.test(f))).toEqual([]);
  expect(r.embedded).toBeGreaterThan(0);
  expect(r.toUnicode).toBe(r.embedded);
}

function expectLaidOut(r: ReadPdf) {
  expect(pastMargins(r, MARGIN)).toEqual([]);
  expect(overlaps(r.placed)).toEqual([]);
}

const money = (prior: string, current: string, cumulative: string) => ({ prior, current, cumulative });

const STATEMENT: StatementView = {
  contract: { id: 'c-harbour', ref: 'HARBOUR-CN' },
  kind: 'licence',
  parties: { reporter: NAMES.chinese, recipient: `${NAMES.latin1} Films` },
  period: { key: '2025-Q1', start: '2025-01-01', end: '2025-03-31' },
  dueOn: '2025-05-15',
  currency: 'EUR',
  steps: [
    `Gross receipts reported by ${NAMES.chinese} for the People's Republic of China.`,
    `Sub-licences: ${NAMES.koreanCompany} (Korea), ${NAMES.cyrillic} (Russia), ${NAMES.greek} (Greece).`,
    `Festival fees: ${NAMES.hebrew} (Israel), ${NAMES.arabic} (Egypt).`,
  ],
  receipts: money('0.00', '120,000.00', '120,000.00'),
  lines: [
    {
      label: `Distribution fee of ${NAMES.chinese} and its sub-distributors in the provinces of 广东省、浙江省、四川省和黑龙江省`,
      kind: 'fee',
      ...money('0.00', '36,000.00', '36,000.00'),
      parts: [{ label: `${NAMES.koreanCompany} ${NAMES.korean}`, ...money('0.00', '6,000.00', '6,000.00') }],
    },
    { label: `Expenses of ${NAMES.cyrillic}`, kind: 'expenses', ...money('0.00', '4,000.00', '4,000.00'), outstanding: '0.00' },
  ],
  earned: money('0.00', '80,000.00', '80,000.00'),
  paidBefore: '0.00',
  due: '80,000.00',
  pool: [],
  issued: null,
};

const SHEET: AvailsSheetView = {
  buyer: { id: 'hoshizora', name: NAMES.japanese, locale: 'ja-JP' },
  start: '2025-01-01',
  end: '2029-12-31',
  period: '2025年1月1日 – 2029年12月31日',
  madeOn: '2024年12月5日',
  exclusive: true,
  territoryLabel: '日本',
  mediaLabel: 'All Media',
  titles: [
    {
      id: 'shadow',
      name: '影子 Shadow',
      year: 2024,
      rows: [{ country: 'JP', countryName: 'Japan', media: 'All Media', status: 'available' }],
    },
    {
      id: 'wind',
      name: `${NAMES.cyrillic}: 北风吹过的那个漫长冬天里我们曾经在港口等待一艘永远不会到来的渡船`,
      year: null,
      rows: [{ country: 'JP', countryName: 'Japan', media: 'Theatrical', status: 'on-hold' }],
    },
    { id: 'ferry', name: `${NAMES.latin1Place} ${NAMES.korean}`, year: 2023, rows: [] },
  ],
};

const LOGLINE =
  '一位年迈的渡船船夫在小岛停航前的最后一个冬天里，每天傍晚都在码头等待他失散多年的女儿归来，而岛上的居民们正在悄悄准备一场告别的庆典，没有人告诉他这艘渡船再也不会开回来了。';
const LINEUP: LineupSheet = {
  market: 'Harbour Market 2025',
  dates: '12 – 16 May 2025',
  timeZone: 'Europe/Paris',
  rows: [
    {
      title: '影子 Shadow',
      year: 2024,
      status: 'post-production',
      logline: LOGLINE,
      directors: [NAMES.director],
      cast: [NAMES.korean, 'Андрей Соколов', NAMES.latin1, 'Γιώργος Παππάς'],
      screenings: ['Fri 16 May 10:00, Palais H (95 min)'],
    },
    {
      title:
        '在那个北风吹过的漫长冬天里我们曾经在港口日复一日地等待一艘永远不会到来的渡船和她那位从来没有人见过的年轻船长以及船上所有的乘客',
      year: 2025,
      status: 'completed',
      logline: `A ferryman on ${NAMES.latin1Place} waits for a boat that will not come.`,
      directors: [NAMES.hebrew, NAMES.arabic],
      cast: [],
      screenings: [],
    },
  ],
};

describe('the PDFs in every script', () => {
  it('writes a statement whose Chinese, Korean, Cyrillic and Latin-1 names come out as written, from embedded fonts', async () => {
    const pdf = await statementPdf(STATEMENT);
    const r = await readPdf(pdf);
    expect(r.text).toContain(`Contract HARBOUR-CN: ${NAMES.chinese} to ${NAMES.latin1} Films`);
    for (const name of [NAMES.koreanCompany, NAMES.korean, NAMES.cyrillic, NAMES.greek, `Earned by ${NAMES.latin1} Films`])
      expect(r.text).toContain(name);
    expect(squeezed(r.text)).toContain(squeezed(STATEMENT.lines[0].label));
    expect(r.text).toMatch(/Amount due\s+80,000\.00/);
    expectEmbeddedFonts(r);
    expectLaidOut(r);
    // the long label wraps inside its column, left of the Prior figures
    const labelPieces = r.placed.filter((p) => /[广浙四黑]/.test(p.str));
    expect(labelPieces.length).toBeGreaterThan(0);
    for (const p of labelPieces) expect(p.right).toBeLessThanOrEqual(MARGIN + 230);
    // pdfkit embeds only the glyphs used, so a few CJK names do not carry a 3 MB font along
    expect(pdf.length).toBeLessThan(120_000);
  });

  it('writes Hebrew and Arabic names right to left, reading back in their own letters and order', async () => {
    const r = await readPdf(await statementPdf(STATEMENT));
    // a reader turns right-to-left glyphs back into reading order: had the words or letters been
    // drawn left to right, they would read back reversed
    expect(r.text).toContain(`Festival fees: ${NAMES.hebrew} (Israel), ${NAMES.arabic} (Egypt).`);
    expectLaidOut(r);
  });

  it("writes a Japanese buyer's avails sheet with its dates in Japanese and long titles wrapped", async () => {
    const r = await readPdf(await availsSheetPdf(SHEET));
    expect(r.text).toContain(`Avails for ${NAMES.japanese}`);
    expect(r.text).toContain('Period 2025年1月1日 – 2029年12月31日');
    expect(r.text).toContain('Made 2024年12月5日');
    expect(r.text).toContain('影子 Shadow (2024)');
    expect(squeezed(r.text)).toContain(squeezed(SHEET.titles[1].name));
    expect(r.text).toContain(`${NAMES.latin1Place} ${NAMES.korean} (2023)`);
    expect(r.text).toMatch(/Japan\s+Theatrical\s+On hold/);
    expectEmbeddedFonts(r);
    expectLaidOut(r);
  });

  it('writes the line-up sheet: CJK titles and credits as written, the status beside the title, a long title cut, a long logline wrapped', async () => {
    const r = await readPdf(await lineupSheetPdf(LINEUP));
    expect(r.text).toContain('影子 Shadow (2024)');
    expect(r.text).toContain(`Director: ${NAMES.director}`);
    expect(r.text).toContain(`Cast: ${NAMES.korean}, Андрей Соколов, ${NAMES.latin1}, Γιώργος Παππάς`);
    expect(squeezed(r.text)).toContain(squeezed(LOGLINE));
    expectEmbeddedFonts(r);
    expectLaidOut(r);

    const first = r.placed.find((p) => p.str.startsWith('影子'))!;
    const status = r.placed.find((p) => p.str === 'Post-production')!;
    expect(status).toBeDefined();
    // on the title's line, to the right of it
    expect(Math.abs(status.bottom - first.bottom)).toBeLessThan(4);
    expect(status.left).toBeGreaterThan(first.right);

    // the long title ends in an ellipsis, and stays left of its status
    const long = r.placed.filter((p) => p.str.includes('在那个') || p.str.includes('…'));
    expect(long.some((p) => p.str.endsWith('…'))).toBe(true);
    const completed = r.placed.find((p) => p.str === 'Completed')!;
    for (const p of long) expect(p.right).toBeLessThan(completed.left);
    // the logline takes several lines rather than one running off the page, one under the other
    const loglineTops = [...new Set(r.placed.filter((p) => LOGLINE.includes(p.str)).map((p) => Math.round(p.top)))];
    expect(loglineTops.length).toBeGreaterThan(1);
    for (let i = 1; i < loglineTops.length; i++) {
      expect(loglineTops[i] - loglineTops[i - 1]).toBeGreaterThanOrEqual(10);
      expect(loglineTops[i] - loglineTops[i - 1]).toBeLessThanOrEqual(15);
    }
  });
});

describe('laying text out in the fonts it is drawn in', () => {
  const { doc } = newPdf('layout');
  const style = { size: 10 };

  it('breaks between Chinese characters and inside a word wider than the column, never past the width', () => {
    const text = 'Supercalifragilisticexpialidocious 一位年迈的渡船船夫在小岛停航前的最后一个冬天里';
    const block = layoutText(doc, text, style, 60);
    expect(block.lines.length).toBeGreaterThan(4);
    for (const line of block.lines) expect(textWidth(doc, line, style)).toBeLessThanOrEqual(60);
    expect(squeezed(block.lines.join(''))).toBe(squeezed(text));
    expect(block.height).toBe(block.lines.length * lineHeight(style));
  });

  it('ends the last allowed line with an ellipsis that still fits', () => {
    const block = layoutText(doc, `${LOGLINE} ${NAMES.korean} ${NAMES.cyrillic}`, style, 120, 2);
    expect(block.lines).toHaveLength(2);
    expect(block.lines[1].endsWith('…')).toBe(true);
    expect(textWidth(doc, block.lines[1], style)).toBeLessThanOrEqual(120);
    expect(LOGLINE.startsWith(block.lines.join('').slice(0, -1))).toBe(true);
  });

  it('measures a mixed line as the sum of its scripts, each in its own font', () => {
    const mixed = textWidth(doc, `${NAMES.latin1} ${NAMES.chinese}`, style);
    expect(mixed).toBeCloseTo(textWidth(doc, `${NAMES.latin1} `, style) + textWidth(doc, NAMES.chinese, style), 5);
    // a Chinese character is about one em wide
    expect(textWidth(doc, NAMES.chinese, style)).toBeGreaterThan(NAMES.chinese.length * 9);
  });
});

describe('the fonts embedded in the PDFs', () => {
  const ROOT = fileURLToPath(new URL('../../', import.meta.url));

  it('are read from vendor/fonts inside the project, each the file its README names, beside its licence', () => {
    expect(relative(ROOT, FONT_DIR).split(/[\\/]/).filter(Boolean)).toEqual(['vendor', 'fonts']);
    const readme = readFileSync(join(FONT_DIR, 'README.md'), 'utf8');
    const listed = new Map([...readme.matchAll(/^([0-9a-f]{64}) {2}(\S+\.ttf)$/gm)].map((m) => [m[2], m[1]]));
    const fonts = readdirSync(FONT_DIR).filter((f) => f.endsWith('.ttf'));
    expect([...listed.keys()].sort()).toEqual(fonts.sort());
    for (const f of fonts)
      expect(
        createHash('sha256')
          .update(readFileSync(join(FONT_DIR, f)))
          .digest('hex'),
        f,
      ).toBe(listed.get(f));
    expect(readFileSync(join(FONT_DIR, 'OFL.txt'), 'utf8')).toContain('SIL OPEN FONT LICENSE');
    expect(readFileSync(join(FONT_DIR, 'LICENSE-Apache-2.0.txt'), 'utf8')).toContain('Apache License');
  });
});
