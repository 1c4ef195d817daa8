/**
 * Getting an article's text: pasted text, a .txt or .html file, or a URL.
 * HTML is reduced to the article with Mozilla's Readability over linkedom's
 * DOM; paragraphs become blank-line-separated text, and italic spans
 * (<i>, <em>, <cite>: how many outlets set film titles) are kept as title
 * hints with their offsets in that text. The headline, when the page has
 * one, is the text's first line. The date comes from the page's metadata
 * when it has it.
 */
import { decodeText } from './charset.js';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { invalid, tooLarge } from '../domain/errors.js';
import { fetchText, type FetchPolicy } from './safeFetch.js';
import { readHeader } from './text.js';
import type { Span } from './types.js';

export interface IntakeInput {
  text?: string | null;
  html?: string | null;
  url?: string | null;
  /** A local .txt or .html file (the CLI). */
  file?: string | null;
  /** Overrides what the page says. */
  title?: string | null;
  date?: string | null;
  outlet?: string | null;
}

export interface ArticleText {
  text: string;
  title: string | null;
  /** YYYY-MM-DD when known. */
  date: string | null;
  outlet: string | null;
  url: string | null;
  file: string | null;
  /** Italic spans in `text` (title hints). */
  titleSpans: Span[];
  /** A page that has no article to read, and why ("an empty page", "a sign-in or subscription page"): refused. */
  noArticle?: string;
}

/** A page asking to sign in or subscribe: a password field, or a short text that says so. */
const WALL_WORDS = /\b(?:sign[ -]?in|log[ -]?in|subscribe|subscribers?|subscription|create an account|paywall)\b/i;

/** The most a fetched page or a file may have (bytes). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
/**
 * The longest article read (characters of text, after an HTML page is reduced
 * to its article): far beyond any trade-press piece (a long feature is 20,000
 * characters), and what extraction reads in a few seconds.
 */
export const MAX_ARTICLE_CHARS = 200_000;

const OUTLETS: Array<[RegExp, string]> = [
  [/(^|\.)variety\.com$/, 'Variety'],
  [/(^|\.)deadline\.com$/, 'Deadline'],
  [/(^|\.)screendaily\.com$/, 'Screen Daily'],
  [/(^|\.)indiewire\.com$/, 'IndieWire'],
  [/(^|\.)hollywoodreporter\.com$/, 'The Hollywood Reporter'],
  [/(^|\.)cineuropa\.org$/, 'Cineuropa'],
  [/(^|\.)thewrap\.com$/, 'TheWrap'],
  [/(^|\.)screenanarchy\.com$/, 'ScreenAnarchy'],
  [/(^|\.)filmneweurope\.com$/, 'FilmNewEurope'],
  [/(^|\.)businessdoc(?:europe)?\.com$/, 'Business Doc Europe'],
  [/(^|\.)realscreen\.com$/, 'Realscreen'],
  [/(^|\.)bfi\.org\.uk$/, 'BFI'],
];

export function outletOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return OUTLETS.find(([re]) => re.test(host))?.[1] ?? host.replace(/^www\./, '');
  } catch {
    return null;
  }
}

function isoDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /(\d{4}-\d{2}-\d{2})/.exec(value);
  if (m) return m[1];
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'TABLE',
  'TR',
  'FIGURE',
  'FIGCAPTION',
  'PRE',
  'ASIDE',
  'MAIN',
  'DL',
  'DT',
  'DD',
]);
const ITALIC = new Set(['I', 'EM', 'CITE']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'FORM', 'NAV']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Text of a DOM subtree: blocks as paragraphs, italics recorded as spans. */
function domText(root: DomNode): { text: string; spans: Span[] } {
  // the text is built in pieces and only ever looked at near its end: a long page stays linear
  const out = new TextBuilder();
  const spans: Span[] = [];
  const pendingBreak = { n: 0 };
  const breakLine = (n: number) => {
    if (out.length) pendingBreak.n = Math.max(pendingBreak.n, n);
  };
  const endsWithSpace = () => out.length > 0 && /\s/.test(out.last());
  const write = (s: string) => {
    if (!s) return;
    if (pendingBreak.n) {
      out.trimEnd();
      out.append(pendingBreak.n >= 2 ? '\n\n' : '\n');
      pendingBreak.n = 0;
      s = s.replace(/^\s+/, '');
      if (!s) return;
    }
    if (endsWithSpace() || out.length === 0) s = s.replace(/^\s+/, '');
    out.append(s);
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      write((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      breakLine(1);
      return;
    }
    const block = BLOCK.has(name);
    if (block) breakLine(2);
    const italic = ITALIC.has(name);
    const start = out.length + (pendingBreak.n ? (pendingBreak.n >= 2 ? 2 : 1) : 0);
    // once: linkedom builds the list anew on every read of childNodes
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i]);
    if (italic) {
      const seg = out.tail(start);
      let s = 0;
      let e = seg.length;
      while (s < e && /\s/.test(seg[s])) s++;
      while (e > s && /[\s,.;:]/.test(seg[e - 1])) e--;
      const inner = seg.slice(s, e);
      if (inner && inner.length <= 90 && /^[\p{Lu}\d¡¿]/u.test(inner) && inner.split(/\s+/).length <= 12)
        spans.push([start + s, start + e]);
    }
    if (block) breakLine(2);
  };
  walk(root);
  // collapse runs of blank lines, moving the spans with the text
  const all = out.toString();
  const kept: string[] = [];
  let length = 0;
  let last1 = '';
  let last2 = '';
  const map: number[] = [];
  for (let i = 0; i < all.length; i++) {
    map.push(length);
    const c = all[i];
    if (c === '\n' && last1 === '\n' && last2 === '\n') continue;
    if ((c === ' ' || c === '\t') && all[i + 1] === '\n') continue;
    kept.push(c);
    length++;
    last2 = last1;
    last1 = c;
  }
  map.push(length);
  const text = kept.join('');
  const lead = text.length - text.trimStart().length;
  const moved = spans.map(([s, e]) => [map[s] - lead, map[e] - lead] as Span).filter(([s, e]) => s >= 0 && e > s);
  return { text: text.trim(), spans: moved };
}

/** A string built by appending, read only near its end (no piece is ever empty). */
class TextBuilder {
  private readonly parts: string[] = [];
  length = 0;

  append(s: string): void {
    if (!s) return;
    this.parts.push(s);
    this.length += s.length;
  }

  last(): string {
    const p = this.parts[this.parts.length - 1];
    return p ? p[p.length - 1] : '';
  }

  /** Drops trailing spaces and tabs. */
  trimEnd(): void {
    while (this.parts.length) {
      const p = this.parts[this.parts.length - 1];
      let e = p.length;
      while (e > 0 && (p[e - 1] === ' ' || p[e - 1] === '\t')) e--;
      this.length -= p.length - e;
      if (e > 0) {
        this.parts[this.parts.length - 1] = p.slice(0, e);
        return;
      }
      this.parts.pop();
    }
  }

  /** The text from `from` to the end. */
  tail(from: number): string {
    const out: string[] = [];
    let at = this.length;
    for (let k = this.parts.length - 1; k >= 0 && at > from; k--) {
      const p = this.parts[k];
      at -= p.length;
      out.push(at >= from ? p : p.slice(from - at));
    }
    return out.reverse().join('');
  }

  toString(): string {
    return this.parts.join('');
  }
}

function metaContent(
  doc: { querySelector(sel: string): { getAttribute(n: string): string | null; textContent?: string | null } | null },
  selectors: string[],
): string | null {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? null;
    if (v) return v;
  }
  return null;
}

/** The article in an HTML page: Readability's main content as text with paragraphs, the headline, the date, the outlet. */
export function articleFromHtml(html: string, url: string | null = null): ArticleText {
  // a fragment ("<p>...</p>", or plain words) becomes a whole document first
  const whole = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(whole);
  const publishedMeta = metaContent(document, [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[property="og:published_time"]',
    'time[datetime]',
  ]);
  const siteName = metaContent(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']);
  let parsed: ReturnType<Readability<DomNode>['parse']> = null;
  try {
    parsed = new Readability<DomNode>(document, { serializer: (node) => node, charThreshold: 100 }).parse();
  } catch {
    parsed = null; // not an article page: the body's text is all there is
  }
  let body: { text: string; spans: Span[] } = parsed?.content ? domText(parsed.content) : { text: '', spans: [] };
  if (!body.text.trim()) {
    const { document: again } = parseHTML(whole);
    // linkedom leaves body null when the page has none
    const root: DomNode = (again.body as HTMLElement | null) ?? again;
    body = domText(root);
  }
  // a page with no article: nothing but navigation, or a login wall (a short text with a password field or asking to
  // sign in; an article page with a sign-in box around a text of its own is read as an article)
  const bodyText = body.text.replace(/\s+/g, ' ').trim();
  const noArticle = !bodyText
    ? 'an empty page: it has no article text'
    : bodyText.length < 1_000 && (document.querySelector('input[type="password"]') || WALL_WORDS.test(bodyText))
      ? 'a sign-in or subscription page (a login wall): it has no article to read'
      : undefined;
  const h1 = (document.querySelector('h1')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const rawTitle = (parsed?.title ?? document.title ?? '').replace(/\s+/g, ' ').trim();
  // the page title without the site's name ("... - Variety", "... | Deadline")
  const title = (h1 && rawTitle.startsWith(h1.slice(0, 20)) ? h1 : rawTitle.replace(/\s+[|–—-]\s+[^|–—-]{2,40}$/, '')).trim() || null;
  // the headline as the first line, unless the body already starts with it
  let text = body.text;
  let spans = body.spans;
  if (title && !text.startsWith(title)) {
    const prefix = `${title}\n\n`;
    text = prefix + text;
    spans = spans.map(([s, e]) => [s + prefix.length, e + prefix.length] as Span);
  }
  return {
    text,
    title,
    date: isoDay(parsed?.publishedTime ?? publishedMeta),
    outlet: outletOf(url) ?? (siteName || parsed?.siteName || null),
    url,
    file: null,
    titleSpans: spans,
    ...(noArticle ? { noArticle } : {}),
  };
}

function looksLikeHtml(s: string): boolean {
  return /^\s*(?:<!doctype html|<html|<head|<body|<article|<p[\s>]|<div[\s>])/i.test(s);
}

/** A page as fetched: its body, content type and final address. */
export interface FetchedPage {
  body: string;
  contentType: string;
  url: string;
}

/** Fetches a page and reads its article (see fetchPage). */
export async function fetchArticle(url: string, policy: FetchPolicy = {}): Promise<ArticleText> {
  return pageArticle(await fetchPage(url, policy));
}

/** The article of a fetched page (HTML, or plain text). */
export function pageArticle(page: FetchedPage): ArticleText {
  const type = page.contentType;
  if (type === 'text/html' || type === 'application/xhtml+xml' || (type !== 'text/plain' && looksLikeHtml(page.body)))
    return articleFromHtml(page.body, page.url);
  return { ...plainArticle(page.body), url: page.url, outlet: outletOf(page.url) };
}

/**
 * Fetches a page: http or https only, on the public network (or a host an admin
 * allowed), up to MAX_ARTICLE_BYTES, through safeFetch like every fetch the server makes.
 */
export async function fetchPage(url: string, policy: FetchPolicy = {}): Promise<FetchedPage> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw invalid('url', url, `url: "${url}" is not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw invalid('url', url, `url: only http and https pages can be read, not ${u.protocol}`);
  const page = await fetchText(u, {
    maxBytes: MAX_ARTICLE_BYTES,
    what: 'the page',
    field: 'url',
    accept: 'text/html,application/xhtml+xml,text/plain;q=0.9',
    ...policy,
  });
  return { body: page.text, contentType: page.mediaType, url: page.url };
}

function plainArticle(text: string): ArticleText {
  const clean = text.replace(/\r\n?/g, '\n');
  return { text: clean, title: null, date: readHeader(clean).date, outlet: null, url: null, file: null, titleSpans: [] };
}

/** Which input gives the article (text, html, url or file): exactly one. */
export function givenInput(input: IntakeInput): 'text' | 'html' | 'url' | 'file' {
  const given = (['text', 'html', 'url', 'file'] as const).filter((k) => typeof input[k] === 'string' && input[k]!.trim() !== '');
  if (given.length === 0) throw invalid('text', null, 'text: give the article as text, html, url or file');
  if (given.length > 1) throw invalid('text', null, 'text: give one of text, html, url or file, not several');
  return given[0];
}

/** Reads an article from whichever input is given (text, html, url or file); `title`, `date`, `outlet` override. */
export async function readArticle(input: IntakeInput, opts: { fetch?: FetchPolicy } = {}): Promise<ArticleText> {
  const page = givenInput(input) === 'url' ? await fetchPage(input.url!.trim(), opts.fetch) : undefined;
  return readArticleFrom(input, page);
}

/**
 * Reads an article, a URL's page already fetched (`page`): the part of
 * reading that costs work (an HTML page reduced to its article), which the
 * server does in a worker thread.
 */
/**
 * Why a text is no article's text, if it is not: a PDF, or binary data (a NUL, or more than one
 * character in ten a control character or an undecodable byte in its first 4 KB). Read before any
 * extraction, so such input is refused with its reason instead of read into nonsense.
 */
export function notArticleReason(raw: string): string | null {
  if (raw.trimStart().startsWith('%PDF-')) return 'a PDF document, not the text or HTML of an article';
  const sample = raw.slice(0, 4096);
  let bad = 0;
  for (const ch of sample) {
    if (ch === '\u0000') return 'binary data, not text';
    if (ch === '\uFFFD' || (ch < ' ' && ch !== '\n' && ch !== '\r' && ch !== '\t' && ch !== '\f')) bad++;
  }
  return sample.length >= 64 && bad / sample.length > 0.1 ? 'binary data, not text' : null;
}

export async function readArticleFrom(input: IntakeInput, page?: FetchedPage): Promise<ArticleText> {
  const from = givenInput(input);
  const given = input.text ?? input.html;
  const why = given ? notArticleReason(given) : null;
  if (why) throw invalid(input.text ? 'text' : 'html', null, `${input.text ? 'text' : 'html'}: this is ${why}`);
  let a: ArticleText;
  if (input.text) a = plainArticle(input.text);
  else if (input.html) a = articleFromHtml(input.html, null);
  else if (input.url) {
    if (!page) throw new Error('readArticleFrom: the page of a url is fetched first (readArticle)');
    a = pageArticle(page);
  } else {
    const file = input.file!;
    let raw: string;
    try {
      const buf = await readFile(file);
      if (buf.length > MAX_ARTICLE_BYTES)
        throw invalid(
          'file',
          file,
          `file: "${basename(file)}" is ${(buf.length / 1024 / 1024).toFixed(1)} MiB, more than ${MAX_ARTICLE_BYTES / 1024 / 1024} MiB (the limit of a page or file)`,
        );
      raw = decodeText(buf);
    } catch (e) {
      if ((e as { field?: string }).field) throw e;
      throw invalid('file', file, `file: cannot read "${file}" (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const why = notArticleReason(raw);
    if (why) throw invalid('file', file, `file: "${basename(file)}" is ${why}`);
    if (!raw.trim()) throw invalid('file', file, `file: "${basename(file)}" is empty: there is no article to read`);
    const ext = extname(file).toLowerCase();
    a = ext === '.html' || ext === '.htm' || (ext !== '.txt' && looksLikeHtml(raw)) ? articleFromHtml(raw, null) : plainArticle(raw);
    a.file = basename(file);
  }
  if (a.noArticle) {
    const field = from === 'file' ? 'file' : from;
    throw invalid(field, null, `${field}: ${from === 'file' ? `"${a.file}"` : 'this page'} is ${a.noArticle}`);
  }
  if (!a.text.trim()) throw invalid('text', null, 'text: the article has no text');
  if (a.text.length > MAX_ARTICLE_CHARS) {
    const read = from === 'text' ? '' : ` once read from the ${from === 'url' ? 'page' : from}`;
    throw tooLarge(
      from,
      a.text.length,
      `${from}: the article is ${a.text.length.toLocaleString('en-US')} characters long${read}, more than ${MAX_ARTICLE_CHARS.toLocaleString('en-US')} (the limit of one article); split it into several`,
    );
  }
  const date = isoDay(input.date ?? null) ?? a.date;
  if (input.date && !isoDay(input.date)) throw invalid('date', input.date, `date: "${input.date}" is not a date as YYYY-MM-DD`);
  return { ...a, date, title: input.title?.trim() || a.title, outlet: input.outlet?.trim() || a.outlet };
}
