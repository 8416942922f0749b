/** Windows' own OpenSSH agent listens on this named pipe; it sets no SSH_AUTH_SOCK. */
export const WINDOWS_OPENSSH_AGENT = '\\\\.\\pipe\\openssh-ssh-agent';

/** Where the SSH agent listens: SSH_AUTH_SOCK, else Windows' OpenSSH agent pipe on Windows; null when there is none. */
export function agentSocket(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | null {
  if (env.SSH_AUTH_SOCK) return env.SSH_AUTH_SOCK;
  return platform === 'win32' ? WINDOWS_OPENSSH_AGENT : null;
}
