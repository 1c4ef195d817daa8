/**
 * The web app's build (dist/web) kept in step with its sources, for
 * `filmrights serve` (and so `npm start`) and the browser tests.
 *
 * Fresh means: dist/web/index.html exists and dist/web-build.json records the
 * SHA-256 of the sources it was built from (every file under web/, and
 * package-lock.json for the libraries bundled into it). Hashing those ~0.6 MB
 * takes 15-45 ms (measured on a busy 2-core machine) and, unlike comparing
 * modification times, is not fooled by a checkout, a copy or an archive that
 * keeps old times.
 *
 * A build goes to a folder beside dist/web that then takes its place, so a
 * server reading dist/web never sees it half-written; a lock folder makes a
 * second process wait for the first build instead of building too.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface WebBuildPaths {
  /** Files and folders whose content the build depends on. */
  sources: string[];
  /** The built app (served by the API server). */
  out: string;
  /** Records the sources hash of the build in `out`. */
  stamp: string;
  /** Relative names in the hash are taken from here. */
  root: string;
}

export function defaultWebBuildPaths(root = PROJECT_ROOT): WebBuildPaths {
  return {
    root,
    sources: [join(root, 'web'), join(root, 'package-lock.json')],
    out: join(root, 'dist', 'web'),
    stamp: join(root, 'dist', 'web-build.json'),
  };
}

/** Builds the app into `outDir` (an empty or missing folder); rejects when the build fails. */
export type WebBuilder = (outDir: string, paths: WebBuildPaths) => Promise<void>;

export class WebBuildError extends Error {
  /** unavailable: vite is not installed here (a production install); failed: the build ran and failed. */
  constructor(
    message: string,
    readonly reason: 'unavailable' | 'failed' = 'failed',
  ) {
    super(message);
  }
}

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    return [path]; // a file
  }
  return entries.flatMap((e) => (e.name === 'node_modules' ? [] : e.isDirectory() ? listFiles(join(path, e.name)) : [join(path, e.name)]));
}

/** SHA-256 over the sources' relative names and contents, in a stable order. */
export function webSourcesHash(paths: WebBuildPaths): string {
  const hash = createHash('sha256');
  const files = paths.sources.flatMap(listFiles).map((f) => ({ f, name: relative(paths.root, f).split(sep).join('/') }));
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { f, name } of files) {
    const content = readFileSync(f);
    hash.update(`${name}\0${content.length}\0`).update(content);
  }
  return hash.digest('hex');
}

export interface WebBuildState {
  state: 'fresh' | 'missing' | 'stale';
  hash: string;
}

export function webBuildState(paths: WebBuildPaths = defaultWebBuildPaths()): WebBuildState {
  const hash = webSourcesHash(paths);
  if (!existsSync(join(paths.out, 'index.html'))) return { state: 'missing', hash };
  let built: unknown;
  try {
    built = (JSON.parse(readFileSync(paths.stamp, 'utf8')) as { sources?: unknown }).sources;
  } catch {
    built = undefined;
  }
  return { state: built === hash ? 'fresh' : 'stale', hash };
}

/** Vite's own command line, run as a child process (vite is a development dependency). */
export const viteBuilder: WebBuilder = (outDir, paths) => {
  let viteBin: string;
  try {
    viteBin = join(dirname(createRequire(join(paths.root, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    return Promise.reject(
      new WebBuildError(
        'vite is not installed (it is a development dependency: run `npm ci` without --omit=dev, or copy dist/ from a machine that built it)',
        'unavailable',
      ),
    );
  }
  const args = [
    viteBin,
    'build',
    '--config',
    join(paths.root, 'web', 'vite.config.ts'),
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--logLevel',
    'error',
  ];
  return new Promise((resolve, reject) => {
    // vite's output goes to our stderr: stdout stays the command's own
    const child = spawn(process.execPath, args, { cwd: paths.root, stdio: ['ignore', 2, 2] });
    child.once('error', (e) => reject(new WebBuildError(`could not run vite: ${e.message}`)));
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new WebBuildError(`vite build failed (${signal ?? `exit code ${code}`})`)),
    );
  });
};

export interface EnsureWebBuildOptions {
  paths?: WebBuildPaths;
  build?: WebBuilder;
  /** Progress lines ("building the web app…"); default: none. */
  log?: (line: string) => void;
  /** How long to wait for another process's build; default 10 minutes. */
  waitMs?: number;
}

export interface EnsureWebBuildResult {
  /** What was found: fresh (nothing done), or missing/stale (then built, here or by another process). */
  found: WebBuildState['state'];
  built: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the build lock (a folder holding the owner's pid), or returns the pid that holds it. */
function tryLock(lock: string): number | null {
  mkdirSync(dirname(lock), { recursive: true });
  try {
    mkdirSync(lock);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    let owner = NaN;
    try {
      owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    } catch {
      /* being written, or left by a crash before it was */
    }
    if (Number.isInteger(owner) && owner > 0 && alive(owner)) return owner;
    if (!Number.isInteger(owner)) return -1; // unknown yet: look again shortly
    rmSync(lock, { recursive: true, force: true }); // its owner died
    return tryLock(lock);
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  return null;
}

/** Builds the web app when it is missing or older than its sources; returns what it found and did. */
export async function ensureWebBuild(opts: EnsureWebBuildOptions = {}): Promise<EnsureWebBuildResult> {
  const paths = opts.paths ?? defaultWebBuildPaths();
  const log = opts.log ?? (() => undefined);
  const first = webBuildState(paths);
  if (first.state === 'fresh') return { found: 'fresh', built: false };

  const lock = `${paths.out}.lock`;
  const until = Date.now() + (opts.waitMs ?? 600_000);
  let waited = false;
  let unknownOwnerSince = 0;
  for (;;) {
    const owner = tryLock(lock);
    if (owner === null) break;
    if (owner === -1) {
      unknownOwnerSince ||= Date.now();
      if (Date.now() - unknownOwnerSince > 5_000) rmSync(lock, { recursive: true, force: true });
    }
    if (!waited && owner > 0) log(`waiting for the web app build of process ${owner}…`);
    waited = true;
    if (Date.now() > until) throw new WebBuildError(`another process (${owner}) has been building the web app for too long (lock ${lock})`);
    await sleep(200);
  }

  const fresh = `${paths.out}.build-${process.pid}`;
  const old = `${paths.out}.old-${process.pid}`;
  try {
    const now = webBuildState(paths);
    if (now.state === 'fresh') return { found: first.state, built: false }; // built by the process we waited for
    log(`building the web app (${now.state === 'missing' ? 'dist/web is missing' : 'its sources changed'})…`);
    const started = Date.now();
    rmSync(fresh, { recursive: true, force: true });
    await (opts.build ?? viteBuilder)(fresh, paths);
    if (!existsSync(join(fresh, 'index.html'))) throw new WebBuildError('the build wrote no index.html');
    if (existsSync(paths.out)) renameSync(paths.out, old);
    renameSync(fresh, paths.out);
    writeFileSync(paths.stamp, `${JSON.stringify({ sources: now.hash, builtAt: new Date().toISOString() })}\n`);
    log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { found: first.state, built: true };
  } finally {
    rmSync(fresh, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
    rmSync(lock, { recursive: true, force: true });
  }
}
