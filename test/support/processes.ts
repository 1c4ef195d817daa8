/**
 * Tests that drive the real CLI or server as child processes. Each process
 * starts node and compiles TypeScript through tsx: a second on an idle
 * machine, many on a busy one. So these tests wait on events (the process
 * exits, the server prints that it listens), never on fixed sleeps, and get
 * room: PROCESS_TEST_TIMEOUT is a bound against a hang, not a speed target.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/filmrights.js', import.meta.url));

/** Vitest timeout for a test that runs child processes (several in a row, on a busy machine). */
export const PROCESS_TEST_TIMEOUT = 300_000;
/** A single child process that has not exited by then is killed and reported as hung. */
export const PROCESS_KILL_AFTER = 240_000;

export interface Run {
  /** The exit code; 1 when the process was killed. */
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Written to stdin, which is then closed (closed at once without it). */
  input?: string;
  killAfterMs?: number;
}

/** Runs a command to its exit and collects its output. */
export function runProcess(command: string, args: string[], opts: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const killAfter = opts.killAfterMs ?? PROCESS_KILL_AFTER;
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') stderr += `\n[killed: still running after ${killAfter / 1000} s]`;
      resolve({ code: code ?? 1, stdout, stderr });
    });
    child.stdin.on('error', () => undefined); // a process that exits without reading its input
    child.stdin.end(opts.input);
  });
}

/** Runs `filmrights ...` (bin/filmrights.js) with the given environment. */
export function runCli(args: string[], opts: RunOptions = {}): Promise<Run> {
  return runProcess(process.execPath, [BIN, ...args], opts);
}

/**
 * Resolves with the first line of the child's stdout that matches; rejects
 * when the process exits first (with what it printed) or after `timeoutMs`.
 * The child's stdout must be a pipe.
 */
export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = PROCESS_KILL_AFTER): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    let printed = '';
    const stderr = (d: Buffer) => (printed += d.toString());
    const finish = (fn: () => void) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', stderr);
      child.off('exit', onExit);
      fn();
    };
    const onData = (d: Buffer) => {
      buffered += d.toString();
      printed += d.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const m = pattern.exec(line);
        if (m) return finish(() => resolve(m));
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      finish(() =>
        reject(new Error(`the process exited (${signal ?? `code ${code}`}) before printing ${pattern}:\n${printed.slice(-2000)}`)),
      );
    const timer = setTimeout(
      () => finish(() => reject(new Error(`no line matching ${pattern} after ${timeoutMs / 1000} s:\n${printed.slice(-2000)}`))),
      timeoutMs,
    );
    child.stdout?.on('data', onData);
    child.stderr?.on('data', stderr);
    child.once('exit', onExit);
  });
}
