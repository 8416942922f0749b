import { utils } from 'ssh2';

export type KeyCheck = { ok: true } | { ok: false; problem: 'needs-passphrase' | 'bad-passphrase' | 'not-a-private-key'; detail: string };

/**
 * Whether ssh2 can use this private key (OpenSSH, PEM or PuTTY format) with the passphrase given, so a front end
 * can ask for a passphrase before connecting. The detail is ssh2's reason, which never contains the passphrase.
 */
export function checkPrivateKey(key: Buffer, passphrase?: string): KeyCheck {
  const parsed = utils.parseKey(key, passphrase);
  if (parsed instanceof Error) {
    if (/no passphrase given/i.test(parsed.message)) return { ok: false, problem: 'needs-passphrase', detail: parsed.message };
    if (/bad passphrase/i.test(parsed.message)) return { ok: false, problem: 'bad-passphrase', detail: parsed.message };
    return { ok: false, problem: 'not-a-private-key', detail: parsed.message };
  }
  const first = Array.isArray(parsed) ? (parsed as unknown[])[0] : parsed;
  if (!first || !(first as { isPrivateKey(): boolean }).isPrivateKey()) return { ok: false, problem: 'not-a-private-key', detail: 'a public key, not a private key' };
  return { ok: true };
}
