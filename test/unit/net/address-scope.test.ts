import { describe, expect, it } from 'vitest';
import { movesInward, scopeOfAddress } from '../../../electron/core/net/address-scope';

describe('address scopes for the redirect guard', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['0.0.0.0', 'loopback'],
    ['::1', 'loopback'],
    ['::', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'private'],
    ['100.64.0.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fe80::1%eth0', 'private'],
    ['[fe80::abcd]', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:a00:1', 'private'],
    ['172.15.0.1', 'public'],
    ['172.32.0.1', 'public'],
    ['192.169.0.1', 'public'],
    ['8.8.8.8', 'public'],
    ['2001:db8::1', 'public'],
    ['fec0::1', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['not-an-ip', 'public'],
  ])('%s is %s', (address, scope) => {
    expect(scopeOfAddress(address)).toBe(scope);
  });

  it('only a move inward counts: public → private → loopback', () => {
    expect(movesInward('public', 'private')).toBe(true);
    expect(movesInward('public', 'loopback')).toBe(true);
    expect(movesInward('private', 'loopback')).toBe(true);
    expect(movesInward('loopback', 'loopback')).toBe(false);
    expect(movesInward('private', 'private')).toBe(false);
    expect(movesInward('loopback', 'public')).toBe(false);
  });
});
