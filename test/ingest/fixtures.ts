import { extractFacts } from '../../src/ingest/extract.js';
/** A trade-press page as outlets serve it: navigation, scripts, asides and a footer around the article. */
export const PAGE = `<!doctype html><html><head><title>Neon Nabs ‘One Second’ - Variety</title>
<meta property="article:published_time" content="2021-07-20T14:00:00-07:00"><meta property="og:site_name" content="Variety">
<script>window.ads = [];</script></head><body>
<nav><a href="/">Home</a> | <a href="/film">Film</a> | <a href="/tv">TV</a></nav>
<article><h1>Neon Nabs North American Rights to Zhang Yimou’s <em>One Second</em></h1>
<p>Ahead of its premiere at the Toronto International Film Festival, Neon has nabbed North American rights to Chinese director Zhang Yimou’s <i>One Second</i>.</p>
<p>The film, written by Zhang and Zou Jingzhi, is adapted from a novel about a man who escapes a labour camp for a glimpse of his daughter. It’s scheduled as TIFF’s closing night film.</p>
<p><i>One Second</i> debuted last November in China, where it grossed $12 million at the box office.</p>
<p>Jeff Deutchman negotiated the deal for Neon with Eva Diederix of Wild Bunch. Wild Bunch is handling international sales.</p>
</article>
<aside><h3>Most popular</h3><ul><li>Ten reasons to love sequels</li><li>Box office: weekend</li></ul></aside>
<footer>© Variety Media. Subscribe. Privacy policy. Cookie settings.</footer></body></html>`;

/** The facts of a text of ours, read on a fixed date (relative dates are read against it). */
export const facts = (text: string) => extractFacts(text, { date: '2024-02-26' }).facts;

/** The deals of a text as `title / buyer / territories` (`-` when none is reported). */
export const deals = (text: string): string[] =>
  facts(text)
    .filter((f) => f.type === 'deal')
    .map((f) => {
      const d = f.fields as { title: string; buyer: string; territories: string | null };
      return `${d.title} / ${d.buyer} / ${d.territories ?? '-'}`;
    });

/** The sales mandates of a text as `title / company`. */
export const mandates = (text: string): string[] =>
  facts(text)
    .filter((f) => f.type === 'mandate')
    .map((f) => {
      const d = f.fields as { title: string; company: string };
      return `${d.title} / ${d.company}`;
    });
