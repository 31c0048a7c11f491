/** CPU time and memory of a process, read from /proc (Linux). */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const TICKS_PER_SECOND = 100; // sysconf(_SC_CLK_TCK) on Linux

/** User + system CPU seconds the process has used so far (NaN where /proc is not there). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** Resident set size in MiB. */
export function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The `KEY=value` lines of an env file (the secrets `npm run mocks` writes beside its config). */
export function readEnvFile(path: string): Record<string, string> {
  return Object.fromEntries(readFileSync(path, 'utf8').trim().split('\n').map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]));
}

export interface Started { child: ChildProcess; lines: NodeJS.EventEmitter; ready: Record<string, unknown> }

/** `node <script> …args`, resolved with its first stdout JSON line that says `ready`; its later lines stay readable on `lines`. */
export function startNode(script: string, args: string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const lines = createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready`)));
    lines.on('line', (line) => {
      try {
        const json = JSON.parse(line) as Record<string, unknown>;
        if (json.ready) resolve({ child, lines, ready: json });
      } catch { /* not ours */ }
    });
  });
}
