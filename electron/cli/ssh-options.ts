import { readFileSync } from 'node:fs';
import type { SshAuth, SshSource } from '../core/probes/config-source';
import { USER_NAME } from '../core/ssh/commands';
import { normalizeFingerprint } from '../core/ssh/host-key';
import type { Lang } from '../shared/domain';
import { isTerminal, promptHidden, type TtyInput } from './prompt';
import { text, type TextKey } from './texts';
import { agentSocket } from '../core/ssh/agent';
import { UsageError } from './usage-error';

/** The SSH options as given, checked; no secret is read yet. */
export interface SshArgs {
  username: string;
  host: string;
  port: number;
  keyFile: string | null;
  /** --ssh-password: ask for it on the terminal. */
  askPassword: boolean;
  mauticRoot: string | null;
  webUser: string | null;
  hostKeySha256: string | null;
}

export interface SshOptionValues {
  ssh?: string;
  'ssh-key'?: string;
  'ssh-password'?: boolean;
  'mautic-root'?: string;
  'web-user'?: string;
  'ssh-host-key'?: string;
  config?: string;
  crontab?: string;
}

export const SSH_PARSE_OPTIONS = {
  ssh: { type: 'string' },
  'ssh-key': { type: 'string' },
  // A flag, never a value: a password on the command line would end up in the shell history and in `ps`.
  'ssh-password': { type: 'boolean' },
  'mautic-root': { type: 'string' },
  'web-user': { type: 'string' },
  'ssh-host-key': { type: 'string' },
} as const;

const usage = (lang: Lang, key: TextKey, params?: Record<string, string | number>) => new UsageError(text(lang, key, params));

/** `user@host`, `user@host:2222`, `user@[2001:db8::1]:22`. */
export function parseSshTarget(raw: string, lang: Lang): { username: string; host: string; port: number } {
  const m = /^([^@\s:/]+)@(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+)(?::(\d{1,5}))?$/.exec(raw);
  const port = m?.[3] === undefined ? 22 : Number(m[3]);
  if (!m || !m[1] || !m[2] || port < 1 || port > 65535) throw usage(lang, 'sshInvalidTarget', { value: raw });
  return { username: m[1], host: m[2].replace(/^\[|\]$/g, ''), port };
}

/** Checks the SSH options together; null when --ssh is not given. */
export function parseSshArgs(values: SshOptionValues, lang: Lang): SshArgs | null {
  if (values.ssh === undefined) {
    const stray = (['ssh-key', 'ssh-password', 'mautic-root', 'web-user', 'ssh-host-key'] as const).find((o) => values[o] !== undefined);
    if (stray) throw usage(lang, 'sshOptionWithoutSsh', { option: `--${stray}` });
    return null;
  }
  if (values.config !== undefined || values.crontab !== undefined) throw usage(lang, 'sshWithConfig');
  if (values['ssh-key'] !== undefined && values['ssh-password']) throw usage(lang, 'sshKeyAndPassword');
  const root = values['mautic-root'];
  if (root !== undefined && (!root.startsWith('/') || root.includes('\0'))) throw usage(lang, 'sshInvalidRoot', { value: root });
  const webUser = values['web-user'];
  if (webUser !== undefined && !USER_NAME.test(webUser)) throw usage(lang, 'sshInvalidUser', { value: webUser });
  const hostKey = values['ssh-host-key'];
  const hostKeySha256 = hostKey === undefined ? null : normalizeFingerprint(hostKey);
  if (hostKey !== undefined && hostKeySha256 === null) throw usage(lang, 'sshInvalidHostKey', { value: hostKey });
  return {
    ...parseSshTarget(values.ssh, lang),
    keyFile: values['ssh-key'] ?? null,
    askPassword: values['ssh-password'] ?? false,
    mauticRoot: root ?? null,
    webUser: webUser ?? null,
    hostKeySha256,
  };
}

export interface PromptIo {
  stdin: TtyInput;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

async function ask(io: PromptIo, lang: Lang, question: string, noTty: TextKey, params: Record<string, string>): Promise<string> {
  if (!isTerminal(io.stdin)) throw usage(lang, noTty, params);
  const answer = await promptHidden(question, io.stdin, io.stderr);
  if (answer === null) throw usage(lang, 'sshPromptCancelled');
  return answer;
}

async function keyAuth(file: string, io: PromptIo, lang: Lang): Promise<SshAuth> {
  let privateKey: Buffer;
  try {
    privateKey = readFileSync(file);
  } catch (err) {
    throw usage(lang, 'sshKeyUnreadable', { file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
  }
  // ssh2 (which reads the key) loads only when a key is given.
  const { checkPrivateKey } = await import('../core/ssh/private-key.js');
  const plain = checkPrivateKey(privateKey);
  if (plain.ok) return { kind: 'key', privateKey };
  if (plain.problem !== 'needs-passphrase') throw usage(lang, 'sshKeyInvalid', { file, reason: plain.detail });
  const passphrase = await ask(io, lang, text(lang, 'sshPassphrasePrompt', { file }), 'sshPassphraseNeedsTty', { file });
  const unlocked = checkPrivateKey(privateKey, passphrase);
  if (!unlocked.ok) throw usage(lang, unlocked.problem === 'bad-passphrase' ? 'sshBadPassphrase' : 'sshKeyInvalid', { file, reason: unlocked.detail });
  return { kind: 'key', privateKey, passphrase };
}

/** Reads the key or asks for the passphrase or password (on the terminal only); the secrets stay in memory. */
export async function sshSource(args: SshArgs, io: PromptIo, lang: Lang): Promise<SshSource> {
  let auth: SshAuth;
  if (args.keyFile !== null) auth = await keyAuth(args.keyFile, io, lang);
  else if (args.askPassword) {
    const where = `${args.username}@${args.host}`;
    auth = { kind: 'password', password: await ask(io, lang, text(lang, 'sshPasswordPrompt', { where }), 'sshPasswordNeedsTty', { where }) };
  } else {
    const socket = agentSocket(io.env);
    if (!socket) throw usage(lang, 'sshNoAuth');
    auth = { kind: 'agent', socket };
  }
  return {
    kind: 'ssh',
    host: args.host,
    port: args.port,
    username: args.username,
    auth,
    mauticRoot: args.mauticRoot,
    webUser: args.webUser,
    hostKeySha256: args.hostKeySha256,
  };
}
