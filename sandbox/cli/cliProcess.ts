import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The CLI's entry point, for tests that run it as a user would. */
export const CLI = join(import.meta.dirname, 'simulate.ts');

export const runCli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });

/** Runs the CLI without blocking this process (a test's own server must keep answering). */
export function runCliAsync(
  args: string[],
  onLine?: (line: string) => void,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let partial = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (!onLine) {
        stdout += chunk;
        return;
      }
      // Lines are handed over and dropped: a long run's output never sits in memory here.
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    });
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      if (onLine && partial !== '') onLine(partial);
      resolve({ status, stdout, stderr });
    });
  });
}
