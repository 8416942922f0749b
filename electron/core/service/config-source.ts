import { readFileSync } from 'node:fs';
import type { ConfigSource } from '../probes/config-source';
import type { Installation } from '../store/installations';
import { agentSocket } from '../ssh/agent';
import { ServiceError } from './dispatch';

/**
 * How the app keeps secrets: main passes Electron's safeStorage (the OS keychain). Without it (the browser
 * bridge), nothing is kept and the secret is asked for at each audit.
 */
export interface SecretVault {
  encrypt(plain: string): Buffer;
  decrypt(ciphertext: Buffer): string;
}

/**
 * The installation's config source for one audit: its SSH login (with the secret kept for it or given for this
 * audit), else the local.php / crontab files picked on this workstation, else none.
 */
export function configSourceFor(installation: Installation, secret: string | null, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ConfigSource | null {
  const { ssh } = installation;
  if (!ssh) {
    if (!installation.configPath && !installation.crontabPath) return null;
    return { kind: 'files', localPhpPath: installation.configPath, crontabPath: installation.crontabPath };
  }
  const common = { kind: 'ssh' as const, host: ssh.host, port: ssh.port, username: ssh.username, mauticRoot: ssh.mauticRoot, webUser: ssh.webUser, hostKeySha256: ssh.hostKeySha256 };
  switch (ssh.auth) {
    case 'agent': {
      const socket = agentSocket(env, platform);
      if (!socket) throw new ServiceError('invalid', 'SSH login with the agent: no SSH agent is running (SSH_AUTH_SOCK is not set)');
      return { ...common, auth: { kind: 'agent', socket } };
    }
    case 'key': {
      if (!ssh.keyPath) throw new ServiceError('invalid', 'SSH login with a key: no key file is set for this installation');
      let privateKey: Buffer;
      try {
        privateKey = readFileSync(ssh.keyPath);
      } catch (err) {
        throw new ServiceError('invalid', `SSH key file ${ssh.keyPath} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      return { ...common, auth: { kind: 'key', privateKey, ...(secret ? { passphrase: secret } : {}) } };
    }
    case 'password':
      if (!secret) throw new ServiceError('needs-secret', `SSH login to ${ssh.host} needs a password`);
      return { ...common, auth: { kind: 'password', password: secret } };
  }
}
