import type { NetError, NetErrorCode } from '../net/types';
import type { SshSource } from '../probes/config-source';

// Every message built here names the server, the user and the method, never a password or passphrase: ssh2's own
// texts do not carry them either, and scrub() makes sure of it before any of its text is passed on.

const SOCKET_CODES: Record<string, NetErrorCode> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  ETIMEDOUT: 'timeout',
};

export function scrub(message: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length > 0).reduce((m, s) => m.split(s).join('***'), message);
}

export function isNetError(value: unknown): value is NetError {
  return typeof value === 'object' && value !== null && typeof (value as NetError).code === 'string' && typeof (value as NetError).message === 'string';
}

/** Why an aborted signal stopped the session: the NetError it was aborted with (the deadline), or a cancel. */
export function stopped(signal: AbortSignal): NetError {
  return isNetError(signal.reason) ? signal.reason : { code: 'aborted', message: 'the SSH session was cancelled' };
}

export function describeAuth(source: SshSource, agentProblem: string | null): string {
  const user = `for user "${source.username}"`;
  switch (source.auth.kind) {
    case 'key':
      return `the private key ${user}`;
    case 'password':
      return `the password ${user}`;
    case 'agent':
      return `a key of the SSH agent ${user}${agentProblem ? `: the agent at ${source.auth.socket} could not be used (${agentProblem})` : ''}`;
  }
}

export function hostKeyMismatch(where: string, seen: string, expected: string): NetError {
  return {
    code: 'auth',
    message: `the host key of ${where} is ${seen}, but ${expected} was expected: connection refused before logging in (another server, or the key was changed)`,
  };
}

/** An ssh2 client error as a NetError; `ready` tells a lost session from a failed connection. */
export function connectError(err: Error & { level?: string; code?: string }, where: string, ready: boolean, auth: string, secrets: readonly string[]): NetError {
  const detail = scrub(err.message, secrets);
  switch (err.level) {
    case 'client-authentication':
      return { code: 'auth', message: `the SSH server at ${where} did not accept ${auth}` };
    case 'client-timeout':
      return ready
        ? { code: 'timeout', message: `the SSH server at ${where} stopped answering (${detail})` }
        : { code: 'timeout', message: `no SSH session with ${where} in time: the server did not complete the handshake and login (${detail})` };
    case 'client-dns':
      return { code: 'dns', message: `cannot resolve the SSH host in ${where} (${detail})` };
    case 'client-socket': {
      const code = SOCKET_CODES[err.code ?? ''] ?? 'io';
      const what = code === 'refused' ? 'nothing accepts SSH connections at' : 'network error with';
      return { code, message: `${what} ${where} (${err.code ?? detail})` };
    }
    default:
      return { code: 'protocol', message: `SSH protocol error with ${where}: ${detail}` };
  }
}
