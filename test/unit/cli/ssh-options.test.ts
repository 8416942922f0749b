import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { promptHidden } from '../../../electron/cli/prompt';
import { parseSshArgs, parseSshTarget } from '../../../electron/cli/ssh-options';
import { UsageError } from '../../../electron/cli/usage-error';

describe('--ssh USER@HOST[:PORT]', () => {
  it.each([
    ['root@example.org', { username: 'root', host: 'example.org', port: 22 }],
    ['deploy@10.0.0.5:2222', { username: 'deploy', host: '10.0.0.5', port: 2222 }],
    ['me@[2001:db8::1]:22', { username: 'me', host: '2001:db8::1', port: 22 }],
    ['me@[::1]', { username: 'me', host: '::1', port: 22 }],
  ])('%s', (raw, expected) => {
    expect(parseSshTarget(raw, 'en')).toEqual(expected);
  });

  it.each(['example.org', '@host', 'root@', 'root@host:0', 'root@host:65536', 'root@ho st', 'root@host:22:22', 'a@b@c'])('refuses %j', (raw) => {
    expect(() => parseSshTarget(raw, 'en')).toThrow(UsageError);
  });
});

describe('the SSH options together', () => {
  it('collect into SshArgs with a canonical host key', () => {
    const fp = 'SHA256:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0';
    expect(parseSshArgs({ ssh: 'root@h', 'ssh-key': '/k', 'mautic-root': '/srv/m', 'web-user': 'www-data', 'ssh-host-key': `${fp}=` }, 'en')).toEqual({
      username: 'root', host: 'h', port: 22, keyFile: '/k', askPassword: false, mauticRoot: '/srv/m', webUser: 'www-data', hostKeySha256: fp,
    });
    expect(parseSshArgs({}, 'en')).toBeNull();
  });

  it('name the problem in German', () => {
    expect(() => parseSshArgs({ 'ssh-host-key': 'SHA256:x' }, 'de')).toThrow('--ssh-host-key gilt nur zusammen mit --ssh');
  });
});

/** A stand-in for a terminal: a stream that records raw-mode switches. */
function fakeTty() {
  const input = Object.assign(new PassThrough(), { isTTY: true, modes: [] as boolean[], setRawMode(m: boolean) { this.modes.push(m); } });
  const output = new PassThrough();
  let shown = '';
  output.on('data', (c: Buffer) => (shown += c.toString()));
  return { input, output, shown: () => shown };
}

describe('promptHidden', () => {
  it('reads up to Enter in raw mode, handles Backspace and UTF-8, and echoes nothing', async () => {
    const t = fakeTty();
    const answer = promptHidden('Passphrase: ', t.input, t.output);
    t.input.write('pässx\u007f');
    t.input.write(Buffer.from('wört\r', 'utf8'));
    expect(await answer).toBe('pässwört');
    expect(t.shown()).toBe('Passphrase: \n');
    expect(t.input.modes).toEqual([true, false]);
  });

  it('cancels on Ctrl-C', async () => {
    const t = fakeTty();
    const answer = promptHidden('Password: ', t.input, t.output);
    t.input.write('abc\u0003');
    expect(await answer).toBeNull();
    expect(t.input.modes).toEqual([true, false]);
  });
});
