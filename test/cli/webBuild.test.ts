/**
 * `filmrights serve` builds the web app when it is missing or its sources
 * changed, and only then: on a temporary project with a stand-in builder
 * (the real one is vite, which the browser tests and `npm start` run).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  defaultWebBuildPaths,
  ensureWebBuild,
  webBuildState,
  WebBuildError,
  type WebBuilder,
  type WebBuildPaths,
} from '../../src/cli/webBuild.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function project(): { paths: WebBuildPaths; builds: string[]; build: WebBuilder; log: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'filmrights-webbuild-'));
  dirs.push(root);
  mkdirSync(join(root, 'web', 'src'), { recursive: true });
  writeFileSync(join(root, 'web', 'index.html'), '<div id="root"></div>');
  writeFileSync(join(root, 'web', 'src', 'main.tsx'), 'render("v1")');
  writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
  const builds: string[] = [];
  const build: WebBuilder = async (outDir, paths) => {
    builds.push(outDir);
    await new Promise((r) => setTimeout(r, 20)); // a build takes a while: a concurrent caller must wait for it, not start another
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'index.html'), `<!-- built from -->${readFileSync(join(paths.root, 'web', 'src', 'main.tsx'), 'utf8')}`);
  };
  return { paths: defaultWebBuildPaths(root), builds, build, log: [] };
}

const served = (p: WebBuildPaths) => readFileSync(join(p.out, 'index.html'), 'utf8');

describe('the web app build before serving', () => {
  it('builds a missing app, with progress, then leaves a fresh one alone', async () => {
    const p = project();
    expect(webBuildState(p.paths).state).toBe('missing');
    const first = await ensureWebBuild({ paths: p.paths, build: p.build, log: (l) => p.log.push(l) });
    expect(first).toEqual({ found: 'missing', built: true });
    expect(served(p.paths)).toContain('render("v1")');
    expect(p.log[0]).toBe('building the web app (dist/web is missing)…');
    expect(p.log[1]).toMatch(/^web app built in \d+\.\d s$/);
    expect(await ensureWebBuild({ paths: p.paths, build: p.build })).toEqual({ found: 'fresh', built: false });
    expect(p.builds).toHaveLength(1);
    // the build was written beside dist/web and swapped in: nothing else is left
    expect(existsSync(`${p.paths.out}.lock`)).toBe(false);
    expect(existsSync(`${p.paths.out}.build-${process.pid}`)).toBe(false);
  });

  it('rebuilds when a source changes, even if the file keeps an old modification time', async () => {
    const p = project();
    await ensureWebBuild({ paths: p.paths, build: p.build });
    const main = join(p.paths.root, 'web', 'src', 'main.tsx');
    writeFileSync(main, 'render("v2")');
    utimesSync(main, new Date('2001-01-01'), new Date('2001-01-01')); // as a copy or an archive that keeps times would leave it
    expect(webBuildState(p.paths).state).toBe('stale');
    const r = await ensureWebBuild({ paths: p.paths, build: p.build, log: (l) => p.log.push(l) });
    expect(r).toEqual({ found: 'stale', built: true });
    expect(p.log[0]).toBe('building the web app (its sources changed)…');
    expect(served(p.paths)).toContain('render("v2")');
  });

  it('rebuilds when a source file is added, or the locked libraries change', async () => {
    const p = project();
    await ensureWebBuild({ paths: p.paths, build: p.build });
    writeFileSync(join(p.paths.root, 'web', 'src', 'extra.css'), 'body{}');
    expect(webBuildState(p.paths).state).toBe('stale');
    await ensureWebBuild({ paths: p.paths, build: p.build });
    writeFileSync(join(p.paths.root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}');
    expect(webBuildState(p.paths).state).toBe('stale');
    await ensureWebBuild({ paths: p.paths, build: p.build });
    expect(webBuildState(p.paths).state).toBe('fresh');
    expect(p.builds).toHaveLength(3);
  });

  it('builds once when several callers ask at the same time', async () => {
    const p = project();
    const results = await Promise.all([1, 2, 3].map(() => ensureWebBuild({ paths: p.paths, build: p.build })));
    expect(p.builds).toHaveLength(1);
    expect(results.filter((r) => r.built)).toHaveLength(1);
    expect(webBuildState(p.paths).state).toBe('fresh');
  });

  it('keeps the previous build when a build fails, and says why', async () => {
    const p = project();
    await ensureWebBuild({ paths: p.paths, build: p.build });
    writeFileSync(join(p.paths.root, 'web', 'src', 'main.tsx'), 'render(');
    const failing: WebBuilder = async (outDir) => {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, 'half.js'), '');
      throw new WebBuildError('vite build failed (exit code 1)');
    };
    await expect(ensureWebBuild({ paths: p.paths, build: failing })).rejects.toThrow('vite build failed (exit code 1)');
    expect(served(p.paths)).toContain('render("v1")');
    expect(webBuildState(p.paths).state).toBe('stale');
    expect(existsSync(`${p.paths.out}.build-${process.pid}`)).toBe(false);
    expect(existsSync(`${p.paths.out}.lock`)).toBe(false);
  });

  it('takes over a lock left by a process that died', async () => {
    const p = project();
    mkdirSync(`${p.paths.out}.lock`, { recursive: true });
    writeFileSync(join(`${p.paths.out}.lock`, 'pid'), '2147483646'); // no such process
    expect(await ensureWebBuild({ paths: p.paths, build: p.build })).toEqual({ found: 'missing', built: true });
  });
});
