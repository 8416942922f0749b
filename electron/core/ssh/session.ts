import { Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import type { NetError } from '../net/types';
import type { SshAuth, SshSource } from '../probes/config-source';
import { connectError, describeAuth, hostKeyMismatch, scrub, stopped } from './errors';
import { normalizeFingerprint, sha256Fingerprint } from './host-key';

export interface SessionLimits {
  /** TCP connect + SSH handshake + authentication. */
  readyTimeoutMs: number;
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
  commandTimeoutMs: number;
  maxStdoutBytes: number;
  maxStderrBytes: number;
}

export interface ExecOutput {
  /** null when the command was cut off (timeout, output cap, lost connection) or died of a signal. */
  exitCode: number | null;
  stdout: Buffer;
  /** Capped too; what does not fit is dropped silently. */
  stderr: Buffer;
  /** stdout reached its cap; the command was stopped there. */
  truncated: boolean;
  timedOut: boolean;
}

export interface SshSession {
  readonly hostKeySha256: string;
  exec(command: string): Promise<ExecOutput>;
  /** Why the connection ended early (lost, cancelled, over the deadline); null while it is fine. */
  failure(): NetError | null;
  close(): void;
}

export type OpenResult = { ok: true; session: SshSession } | { ok: false; error: NetError };

/** Collects a stream up to a byte cap; the rest is dropped and `truncated` set. */
class Capped {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;
  constructor(private readonly max: number) {}
  /** false once the cap is reached. */
  push(chunk: Buffer): boolean {
    const room = this.max - this.size;
    if (chunk.length > room) {
      this.chunks.push(chunk.subarray(0, room));
      this.size = this.max;
      this.truncated = true;
      return false;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    return true;
  }
  buffer(): Buffer {
    return Buffer.concat(this.chunks, this.size);
  }
}

function authConfig(auth: SshAuth): Partial<ConnectConfig> {
  switch (auth.kind) {
    case 'agent':
      return { agent: auth.socket, authHandler: ['agent'] };
    case 'key':
      return { privateKey: auth.privateKey, passphrase: auth.passphrase, authHandler: ['publickey'] };
    case 'password':
      return { password: auth.password, tryKeyboard: true, authHandler: ['password', 'keyboard-interactive'] };
  }
}

function exec(client: Client, command: string, limits: SessionLimits, pending: Set<() => void>): Promise<ExecOutput> {
  return new Promise((resolve) => {
    const stdout = new Capped(limits.maxStdoutBytes);
    const stderr = new Capped(limits.maxStderrBytes);
    let exitCode: number | null = null;
    let timedOut = false;
    let done = false;
    let channel: ClientChannel | null = null;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      pending.delete(finish);
      if (stdout.truncated || timedOut) exitCode = null;
      channel?.close();
      resolve({ exitCode, stdout: stdout.buffer(), stderr: stderr.buffer(), truncated: stdout.truncated, timedOut });
    };
    const timer = setTimeout(() => {
      timedOut = true;
      finish();
    }, limits.commandTimeoutMs);
    pending.add(finish);
    try {
      client.exec(command, (err, ch) => {
        if (err) {
          stderr.push(Buffer.from(err.message));
          return finish();
        }
        if (done) return ch.close();
        channel = ch;
        ch.on('exit', (code: unknown) => (exitCode = typeof code === 'number' ? code : null));
        ch.on('data', (chunk: Buffer) => stdout.push(chunk) || finish());
        ch.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
        ch.on('close', finish);
        ch.end();
      });
    } catch (err) {
      stderr.push(Buffer.from((err as Error).message));
      finish();
    }
  });
}

/**
 * Connects, checks the host key and authenticates with the one method the auditor chose. Resolves once the
 * session is ready or has failed; never rejects. Aborting `signal` (its reason may be a NetError) ends everything.
 */
export function openSession(source: SshSource, signal: AbortSignal, limits: SessionLimits): Promise<OpenResult> {
  const where = `${source.host}:${source.port}`;
  const secrets = source.auth.kind === 'password' ? [source.auth.password] : source.auth.kind === 'key' ? [source.auth.passphrase ?? ''] : [];
  const expected = source.hostKeySha256 === null ? null : normalizeFingerprint(source.hostKeySha256);
  if (source.hostKeySha256 !== null && expected === null) {
    return Promise.resolve({ ok: false, error: { code: 'auth', message: `"${source.hostKeySha256}" is not a SHA256 host key fingerprint (SHA256:… as ssh-keygen -lf prints it)` } });
  }
  if (signal.aborted) return Promise.resolve({ ok: false, error: stopped(signal) });

  return new Promise((resolve) => {
    const client = new Client();
    const pending = new Set<() => void>();
    let seen = '';
    let mismatch = false;
    let agentProblem: string | null = null;
    let ready = false;
    let settled = false;
    let failure: NetError | null = null;
    const settle = (r: OpenResult) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    const endWith = (error: NetError) => {
      failure ??= error;
      for (const finish of [...pending]) finish();
      settle({ ok: false, error: failure });
    };
    const onAbort = () => {
      endWith(stopped(signal));
      client.destroy();
    };
    signal.addEventListener('abort', onAbort, { once: true });

    const session: SshSession = {
      get hostKeySha256() {
        return seen;
      },
      exec: (command) => (failure ? Promise.resolve({ exitCode: null, stdout: Buffer.alloc(0), stderr: Buffer.from(failure.message), truncated: false, timedOut: false }) : exec(client, command, limits, pending)),
      failure: () => failure,
      close: () => {
        signal.removeEventListener('abort', onAbort);
        client.end();
      },
    };

    client.on('ready', () => {
      ready = true;
      settle({ ok: true, session });
    });
    client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) => {
      // Only a single hidden prompt is a password prompt; anything else (one-time codes …) is declined.
      const only = prompts.length === 1 && prompts[0] && !prompts[0].echo;
      finish(only && source.auth.kind === 'password' ? [source.auth.password] : []);
    });
    client.on('error', (err: Error & { level?: string; code?: string }) => {
      if (err.level === 'agent') {
        agentProblem = scrub(err.message, secrets);
        return;
      }
      const error = mismatch && expected ? hostKeyMismatch(where, seen, expected) : connectError(err, where, ready, describeAuth(source, agentProblem), secrets);
      endWith(error);
      client.destroy();
    });
    client.on('close', () => {
      signal.removeEventListener('abort', onAbort);
      endWith(ready ? { code: 'io', message: `the SSH connection to ${where} was closed` } : { code: 'protocol', message: `the SSH server at ${where} closed the connection before the session was ready` });
    });

    try {
      client.connect({
        host: source.host,
        port: source.port,
        username: source.username,
        readyTimeout: limits.readyTimeoutMs,
        keepaliveInterval: limits.keepaliveIntervalMs,
        keepaliveCountMax: limits.keepaliveCountMax,
        // Runs before any credential is sent: a wrong key stops the connection here.
        hostVerifier: (key: Buffer) => {
          seen = sha256Fingerprint(key);
          mismatch = expected !== null && seen !== expected;
          return !mismatch;
        },
        ...authConfig(source.auth),
      });
    } catch (err) {
      // ssh2 parses the private key synchronously: unreadable, or encrypted with a missing or wrong passphrase.
      signal.removeEventListener('abort', onAbort);
      settle({ ok: false, error: { code: 'auth', message: `the private key cannot be used: ${scrub((err as Error).message, secrets)}` } });
    }
  });
}
