/**
 * safeFetch on its own: which addresses the server may connect to (a pure
 * check: nothing here connects to the addresses it classifies), the allowed
 * host entries an admin may type, and fetches from a local HTTP server on
 * 127.0.0.1 (the only address any test here sends traffic to), with names
 * resolved by an injected resolver so that a name "on the internet" can be
 * made to point at this machine without asking any DNS server.
 */
import { createServer, type Server } from 'node:http';
import type { LookupAddress } from 'node:dns';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, fetchText, isPublicAddress, parseAllowedHost, type Resolve } from '../../src/ingest/safeFetch.js';
import { environmentAllowHosts } from '../../src/services/fetchSettings.js';

describe('the addresses the server may connect to', () => {
  it('refuses loopback, private, link-local, unique-local, unspecified, CGNAT, multicast, broadcast, reserved, and IPv6 forms of them', () => {
    const refused = [
      '127.0.0.1',
      '127.255.255.254',
      '10.0.0.1',
      '10.255.255.255',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '100.127.255.255',
      '0.0.0.0',
      '0.1.2.3',
      '224.0.0.1',
      '239.255.255.250',
      '255.255.255.255',
      '192.0.2.1',
      '198.18.0.1',
      '240.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'febf::1',
      'fc00::1',
      'fd12:3456::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
      '::ffff:169.254.169.254',
      '[::1]',
      '::127.0.0.1',
      '64:ff9b::7f00:1',
      '64:ff9b::a00:1',
      '2002:7f00:1::',
      '2001:db8::1',
      '2001::1',
      // not addresses at all: a name or a numeric trick is never taken for an address here (the URL parser turns the tricks into addresses first)
      '2130706433',
      '0x7f.1',
      'localhost',
      '',
      'example.com',
    ];
    for (const a of refused) expect(isPublicAddress(a), a).toBe(false);
  });

  it('allows global unicast addresses, and the same behind an IPv6 mapping or NAT64', () => {
    for (const a of [
      '8.8.8.8',
      '1.1.1.1',
      '172.32.0.1',
      '172.15.255.255',
      '100.128.0.1',
      '11.0.0.1',
      '192.169.0.1',
      '2606:4700::1111',
      '2a00:1450:4001::200e',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
    ]) {
      expect(isPublicAddress(a), a).toBe(true);
    }
  });

  it('takes allowed hosts as names or addresses alone, in the form a URL gives them', () => {
    expect(parseAllowedHost(' News.Intranet. ')).toBe('news.intranet');
    expect(parseAllowedHost('mirror')).toBe('mirror');
    expect(parseAllowedHost('10.0.0.5')).toBe('10.0.0.5');
    expect(parseAllowedHost('2130706433')).toBe('127.0.0.1');
    expect(parseAllowedHost('[FD00::5]')).toBe('fd00::5');
    expect(parseAllowedHost('fd00:0:0::5')).toBe('fd00::5');
    for (const bad of [
      '',
      'http://news.intranet',
      'news.intranet:8080',
      'news.intranet/path',
      'user@news.intranet',
      'news intranet',
      'news..intranet',
      '-news.intranet',
      '*.intranet',
      'a'.repeat(254),
    ]) {
      expect(parseAllowedHost(bad), bad).toBeNull();
    }
    expect(environmentAllowHosts('news.intranet, 10.0.0.5 bogus:1 news.intranet')).toEqual(['news.intranet', '10.0.0.5']);
    expect(environmentAllowHosts(undefined)).toEqual([]);
  });
});

describe('fetching', () => {
  let server: Server;
  let port = 0;
  const hits: Array<{ path: string; host: string; authorization?: string }> = [];
  const big = gzipSync(Buffer.alloc(64 * 1024 * 1024, ' ')); // 64 MB of spaces in about 64 KB
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '';
      hits.push({ path, host: req.headers.host ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
      if (path === '/page.html')
        return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>Neon takes North America.</p>');
      if (path === '/latin1.txt')
        return res
          .writeHead(200, { 'content-type': 'text/plain; charset=ISO-8859-1' })
          .end(Buffer.from('Sélection officielle, Cannes', 'latin1'));
      if (path === '/gzip.html')
        return res
          .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
          .end(gzipSync('<p>Compressed, and read.</p>'));
      if (path === '/bomb.html') return res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(big);
      if (path === '/to-inside') return res.writeHead(302, { location: `http://inside.example:${port}/page.html` }).end();
      if (path === '/feed.json') return res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      if (path === '/silent') return; // never answers
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  /** A resolver that knows a few names, all of them this machine; counts what it is asked. */
  const asked: string[] = [];
  const resolve: Resolve = async (hostname) => {
    asked.push(hostname);
    const known: Record<string, LookupAddress[]> = {
      'news.example': [{ address: '127.0.0.1', family: 4 }],
      'inside.example': [{ address: '127.0.0.1', family: 4 }],
      'mixed.example': [
        { address: '8.8.8.8', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
      'mapped.example': [{ address: '::ffff:127.0.0.1', family: 6 }],
    };
    if (known[hostname]) return known[hostname];
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  };
  const failure = async (p: Promise<unknown>): Promise<FetchError> => {
    const e = await p.then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(FetchError);
    return e as FetchError;
  };

  it('refuses a name that resolves to this machine, when the socket connects, and never connects', async () => {
    const before = hits.length;
    for (const name of ['news.example', 'mixed.example', 'mapped.example']) {
      asked.length = 0;
      const e = await failure(fetchText(`http://${name}:${port}/page.html`, { resolve }));
      expect(e.reason, name).toBe('not-allowed');
      expect(e.message).toBe('url: the page could not be fetched: the address is not allowed');
      expect(e.detail).toContain('127.0.0.1'); // for the log
      expect(asked).toEqual([name]); // resolved once, by the connection that was then refused
    }
    expect(hits.length).toBe(before);
  });

  it('connects an allowed name to the address its check resolved (the Host header is the name)', async () => {
    const page = await fetchText(`http://news.example:${port}/page.html`, { resolve, allowHosts: ['NEWS.example'] });
    expect(page).toMatchObject({ status: 200, mediaType: 'text/html', url: `http://news.example:${port}/page.html` });
    expect(page.text).toContain('Neon takes North America.');
    expect(hits.at(-1)).toEqual({ path: '/page.html', host: `news.example:${port}` });
    // credentials in a URL are never sent
    await fetchText(`http://eva:secret@news.example:${port}/page.html`, { resolve, allowHosts: ['news.example'] });
    expect(hits.at(-1)).toEqual({ path: '/page.html', host: `news.example:${port}` });
  });

  it('checks every redirect again: an allowed host cannot send the fetch to one that is not', async () => {
    const e = await failure(fetchText(`http://news.example:${port}/to-inside`, { resolve, allowHosts: ['news.example'] }));
    expect(e.reason).toBe('not-allowed');
    expect(hits.some((h) => h.host.startsWith('inside.example'))).toBe(false);
    const both = await fetchText(`http://news.example:${port}/to-inside`, { resolve, allowHosts: ['news.example', 'inside.example'] });
    expect(both.url).toBe(`http://inside.example:${port}/page.html`);
  });

  it('decodes the charset the page names and gzip; a compressed page is capped on what it unpacks to', async () => {
    const opts = { resolve, allowHosts: ['127.0.0.1'] };
    expect((await fetchText(`http://127.0.0.1:${port}/latin1.txt`, opts)).text).toBe('Sélection officielle, Cannes');
    expect((await fetchText(`http://127.0.0.1:${port}/gzip.html`, opts)).text).toBe('<p>Compressed, and read.</p>');
    const e = await failure(fetchText(`http://127.0.0.1:${port}/bomb.html`, { ...opts, maxBytes: 1024 * 1024 }));
    expect(e).toMatchObject({
      reason: 'too-large',
      status: 422,
      message: 'url: the page could not be fetched: it is too large (over 1 MB)',
    });
  });

  it('refuses a type that is not text, HTML or a feed; names a failure in plain words, keeping the network error for the log', async () => {
    const opts = { resolve, allowHosts: ['127.0.0.1', 'nowhere.example'] };
    expect(await failure(fetchText(`http://127.0.0.1:${port}/feed.json`, { ...opts, what: 'the feed' }))).toMatchObject({
      reason: 'unsupported-type',
      status: 422,
      message: 'url: the feed could not be read: it is not a web page, text or a feed (application/json)',
    });
    const unknown = await failure(fetchText('http://nowhere.example/', opts));
    expect(unknown).toMatchObject({
      reason: 'unreachable',
      status: 502,
      message: 'url: the page could not be fetched: the address could not be reached',
    });
    expect(unknown.detail).toContain('ENOTFOUND');
    const silent = await failure(fetchText(`http://127.0.0.1:${port}/silent`, { ...opts, timeoutMs: 300 }));
    expect(silent).toMatchObject({ reason: 'timeout', status: 504, message: 'url: the page could not be fetched: it timed out' });
    for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/', 'gopher://news.example/', 'not a url']) {
      expect((await failure(fetchText(url, opts))).reason, url).toBe('not-allowed');
    }
  });
});
