// Starts the bench's Mautic installations in a child process (mautic-servers.ts) and hands back their facts.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { BenchServersReady } from './mautic-servers';

export interface BenchServers extends BenchServersReady {
  close(): void;
}

export function startBenchServers(count: number): Promise<BenchServers> {
  const child: ChildProcess = fork(path.join(__dirname, 'mautic-servers.js'), [String(count)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench servers exited with ${code}`)));
    child.once('message', (ready) => resolve({ ...(ready as BenchServersReady), close: () => child.disconnect() }));
  });
}
