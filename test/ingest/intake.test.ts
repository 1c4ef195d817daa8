/**
 * Intake: pasted text, .txt and .html files, and pages served by a local HTTP
 * server (never the internet): HTML reduced to the article with Readability,
 * italics kept as title hints, the date and outlet from the page.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/ingest/extract.js';
import { articleFromHtml, notArticleReason, readArticle } from '../../src/ingest/intake.js';
import { segment } from '../../src/ingest/text.js';
import { PAGE } from './fixtures.js';

describe('HTML', () => {
  it('keeps the article, drops the page around it, and keeps italic titles as hints', () => {
    const a = articleFromHtml(PAGE, 'https://variety.com/2021/film/news/one-second-1235023/');
    expect(a.outlet).toBe('Variety');
    expect(a.date).toBe('2021-07-20');
    expect(a.text).toContain('Neon has nabbed North American rights');
    expect(a.text).not.toMatch(/Cookie|Most popular|window\.ads|Subscribe/);
    expect(a.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
    expect(a.titleSpans.map(([s, e]) => a.text.slice(s, e))).toContain('One Second');
    const { facts } = extractFacts(a.text, { date: a.date, titleSpans: a.titleSpans });
    expect(facts.find((f) => f.type === 'deal')?.fields).toMatchObject({
      title: 'One Second',
      buyer: 'Neon',
      territories: 'North America',
      seller: 'Wild Bunch',
    });
    expect(facts.find((f) => f.type === 'boxOffice')?.fields).toMatchObject({ territory: 'CN', amount: '12000000' });
  });
});

describe('text', () => {
  it('segments sentences with their spans, past abbreviations and initials', () => {
    const text = 'It opens in the U.S. and Canada on Nov. 12 through A24 Inc. in 2021. J. Smith said so. The film grossed $1.5 million.';
    const s = segment(text);
    expect(s.map((x) => x.text)).toEqual([
      'It opens in the U.S. and Canada on Nov. 12 through A24 Inc. in 2021.',
      'J. Smith said so.',
      'The film grossed $1.5 million.',
    ]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
});

/** A page written in windows-1252 and saying so only in its own head, as older trade sites are. */
const LEGACY_HTML =
  '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Sales</title></head><body><article>' +
  '<p>Paris-based Nordlicht Films has sold “Café Zoë” to Curzon for the UK for €2 million.</p>' +
  '<p>The drama follows a café owner in Lyon through one winter, and its director’s crew.</p></article></body></html>';
const LEGACY_PAGE = Buffer.from(encodeWindows1252(LEGACY_HTML));

/** Windows-1252 bytes of a text of the characters this test uses (ASCII, é, ë, “, ”, ’, €). */
function encodeWindows1252(text: string): Uint8Array {
  const special: Record<string, number> = { '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94 };
  return Uint8Array.from([...text].map((ch) => special[ch] ?? ch.charCodeAt(0)));
}

describe('files and URLs', () => {
  let server: Server;
  let base = '';
  const hits: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'filmrights-intake-'));
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/article.html') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      if (req.url === '/legacy.html') return res.writeHead(200, { 'content-type': 'text/html' }).end(LEGACY_PAGE);
      if (req.url === '/plain.txt')
        return res
          .writeHead(200, { 'content-type': 'text/plain' })
          .end('date 2021-07-20 Neon has nabbed North American rights to “One Second.”');
      res.writeHead(404).end('not here');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const addr = server.address() as { port: number };
    base = `http://127.0.0.1:${addr.port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  // the local server stands for the trade press: its host is allowed (by default nothing on this machine is fetched)
  const local = { fetch: { allowHosts: ['127.0.0.1'] } };

  it('reads an article at a URL (local server)', async () => {
    const a = await readArticle({ url: `${base}/article.html` }, local);
    expect(a.url).toBe(`${base}/article.html`);
    expect(a.date).toBe('2021-07-20');
    expect(a.text).toContain('Wild Bunch is handling international sales.');
    const p = await readArticle({ url: `${base}/plain.txt`, outlet: 'Variety' }, local);
    expect(p).toMatchObject({ date: '2021-07-20', outlet: 'Variety' });
  });

  it('reads a page or a file in the character set it declares, else UTF-8, else windows-1252', async () => {
    const deal = (text: string) => extractFacts(text, { date: '2024-05-20' }).facts.find((f) => f.type === 'deal')?.fields;
    const page = await readArticle({ url: `${base}/legacy.html` }, local);
    expect(page.text).toContain('“Café Zoë” to Curzon');
    expect(page.text).toContain('for €2 million');
    expect(deal(page.text)).toMatchObject({ title: 'Café Zoë', buyer: 'Curzon', territories: 'UK' });
    writeFileSync(join(dir, 'legacy.html'), LEGACY_PAGE);
    expect((await readArticle({ file: join(dir, 'legacy.html') })).text).toContain('“Café Zoë”');
    // no declaration, and bytes that are not UTF-8: windows-1252, as a browser reads them
    writeFileSync(join(dir, 'legacy.txt'), encodeWindows1252('Nordlicht Films has sold “Café Zoë” to Curzon for the UK.'));
    expect((await readArticle({ file: join(dir, 'legacy.txt') })).text).toContain('“Café Zoë”');
    // a charset the Encoding Standard will not decode (iso-2022-kr, "replacement") is read as if none were declared
    writeFileSync(join(dir, 'kr.html'), '<meta charset="iso-2022-kr"><p>Nordlicht Films has sold “Café Zoë” to Curzon for the UK.</p>');
    expect((await readArticle({ file: join(dir, 'kr.html') })).text).toContain('“Café Zoë”');
    // UTF-8 stays UTF-8
    writeFileSync(join(dir, 'utf8.txt'), 'Nordlicht Films has sold “Café Zoë” to Curzon for the UK.');
    expect((await readArticle({ file: join(dir, 'utf8.txt') })).text).toContain('“Café Zoë”');
  });

  it('says why a URL cannot be read', async () => {
    await expect(readArticle({ url: `${base}/missing` }, local)).rejects.toThrow(/answered 404/);
    await expect(readArticle({ url: `${base}/article.html` })).rejects.toThrow(
      'url: the page could not be fetched: the address is not allowed',
    );
    await expect(readArticle({ url: 'file:///etc/passwd' })).rejects.toThrow(/only http and https/);
    await expect(readArticle({ url: 'not a url' })).rejects.toThrow(/is not a URL/);
  });

  it('reads .txt and .html files; refuses nothing and several inputs', async () => {
    writeFileSync(join(dir, 'a.txt'), 'date 2021-07-20 Neon has nabbed North American rights to “One Second.”');
    writeFileSync(join(dir, 'a.html'), PAGE);
    expect(await readArticle({ file: join(dir, 'a.txt') })).toMatchObject({ date: '2021-07-20', file: 'a.txt' });
    expect((await readArticle({ file: join(dir, 'a.html') })).text).toContain('Neon has nabbed');
    await expect(readArticle({})).rejects.toThrow(/give the article/);
    await expect(readArticle({ text: 'x', url: 'http://x' })).rejects.toThrow(/not several/);
    await expect(readArticle({ text: 'Neon', date: 'July' })).rejects.toThrow(/date: "July"/);
  });
});

describe('input that is no article', () => {
  const dir = mkdtempSync(join(tmpdir(), 'filmrights-notarticle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a PDF and binary data with the reason, as a file or as text, before reading them', async () => {
    const pdf = join(dir, 'deal.pdf');
    writeFileSync(pdf, '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n' + 'x'.repeat(200));
    await expect(readArticle({ file: pdf })).rejects.toThrow(/file: "deal\.pdf" is a PDF document/);
    const bin = join(dir, 'image.txt');
    writeFileSync(bin, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 37) % 256)));
    await expect(readArticle({ file: bin })).rejects.toThrow(/is binary data, not text/);
    await expect(readArticle({ text: 'Neon\u0000\u0001\u0002 bought it' })).rejects.toThrow(/^text: this is binary data/);
    expect(notArticleReason('Neon has nabbed North American rights to “One Second.”\n\tTabs and line breaks are text.')).toBeNull();
  });
});
