// AES-256-GCM envelopes (core/crypto/aead.ts): round trips in binary and text form, and every way a ciphertext can be
// wrong — another key, an altered byte anywhere, another place (associated data) — is a typed CryptoError.
import { describe, expect, it } from 'vitest';
import {
  blobKey,
  createClientKey,
  createRunKey,
  cryptoErrorText,
  ENVELOPE_OVERHEAD,
  envelopeFromText,
  envelopeKeyId,
  envelopeToText,
  isEnvelope,
  lookupHash,
  lookupKey,
  open,
  openText,
  seal,
  sealText,
  textKey,
} from '../../../electron/core/crypto';
import { cryptoErrorOf } from './helpers';

const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('seal / open (binary envelopes, for blob files)', () => {
  it('round-trips bytes of any size, the empty plaintext too, with a fresh nonce each time', () => {
    const key = blobKey(createRunKey());
    for (const size of [0, 1, 15, 16, 17, 4096, 2 * 1024 * 1024]) {
      const plaintext = Buffer.alloc(size, size % 251);
      const envelope = seal(key, plaintext, SHA);
      expect(envelope.length).toBe(size + ENVELOPE_OVERHEAD);
      expect(open(key, envelope, SHA).equals(plaintext)).toBe(true);
    }
    const a = seal(key, Buffer.from('same'), SHA);
    const b = seal(key, Buffer.from('same'), SHA);
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(13, 25).equals(b.subarray(13, 25))).toBe(false); // the nonces
  });

  it('has the layout magic | version | key id | nonce | ciphertext | tag, and names the key that sealed it', () => {
    const run = createRunKey();
    const envelope = seal(blobKey(run), Buffer.from('hello'), SHA);
    expect(envelope.subarray(0, 4).toString('latin1')).toBe('PSEN');
    expect(envelope[4]).toBe(1);
    expect(envelope.subarray(5, 13).toString('hex')).toBe(run.id);
    expect(envelope.length).toBe(4 + 1 + 8 + 12 + 5 + 16);
    expect(envelopeKeyId(envelope)).toBe(run.id);
    expect(envelope.includes(Buffer.from('hello'))).toBe(false);
  });

  it('refuses another key: another run key is wrong-key, naming both key ids but no key bytes', () => {
    const sealer = createRunKey();
    const other = createRunKey();
    const envelope = seal(blobKey(sealer), Buffer.from('evidence'), SHA);
    const err = cryptoErrorOf(() => open(blobKey(other), envelope, SHA), 'wrong-key');
    expect(err.message).toContain(sealer.id);
    expect(err.message).toContain(other.id);
    for (const key of [sealer, other]) {
      for (const encoding of ['hex', 'base64', 'base64url'] as const) {
        expect(err.message).not.toContain(key.bytes().toString(encoding));
        expect(err.message).not.toContain(blobKey(key).bytes().toString(encoding));
      }
    }
    expect(cryptoErrorText(err, 'de')).toContain('nicht mit');
  });

  it('refuses the same key used for another purpose (the text subkey on a blob envelope): tampered', () => {
    const run = createRunKey();
    const envelope = seal(blobKey(run), Buffer.from('evidence'), SHA);
    cryptoErrorOf(() => open(textKey(run), envelope, SHA), 'tampered');
  });

  it('refuses every single altered byte: key id → wrong-key, version → unsupported-version, magic → malformed, the rest → tampered', () => {
    const key = blobKey(createRunKey());
    const envelope = seal(key, Buffer.from('a body of evidence'), SHA);
    const codes = new Map<string, number[]>();
    for (let i = 0; i < envelope.length; i++) {
      const altered = Buffer.from(envelope);
      altered[i] = (altered[i] as number) ^ 0x01;
      const code = cryptoErrorOf(() => open(key, altered, SHA)).code;
      codes.set(code, [...(codes.get(code) ?? []), i]);
    }
    expect(codes.get('malformed')).toEqual([0, 1, 2, 3]);
    expect(codes.get('unsupported-version')).toEqual([4]);
    expect(codes.get('wrong-key')).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect(codes.get('tampered')).toEqual(Array.from({ length: envelope.length - 13 }, (_, k) => k + 13));
  });

  it('refuses a ciphertext moved to another place (other associated data), cut short or grown', () => {
    const key = blobKey(createRunKey());
    const envelope = seal(key, Buffer.from('body'), SHA);
    const err = cryptoErrorOf(() => open(key, envelope, SHA.replace(/^e/, 'f')), 'tampered');
    expect(err.message).toMatch(/another place/);
    cryptoErrorOf(() => open(key, envelope.subarray(0, envelope.length - 1), SHA), 'tampered');
    cryptoErrorOf(() => open(key, Buffer.concat([envelope, Buffer.from([0])]), SHA), 'tampered');
    cryptoErrorOf(() => open(key, envelope.subarray(0, 20), SHA), 'malformed');
    cryptoErrorOf(() => open(key, Buffer.from('plain old bytes that were never sealed at all'), SHA), 'malformed');
  });

  it('insists on associated data naming the place', () => {
    const key = blobKey(createRunKey());
    cryptoErrorOf(() => seal(key, Buffer.from('x'), ''), 'invalid-argument');
    cryptoErrorOf(() => open(key, seal(key, Buffer.from('x'), 'a'), Buffer.alloc(0)), 'invalid-argument');
  });

  it('refuses a wiped key: key-destroyed', () => {
    const run = createRunKey();
    const key = blobKey(run);
    const envelope = seal(key, Buffer.from('x'), SHA);
    run.destroy();
    cryptoErrorOf(() => open(key, envelope, SHA), 'key-destroyed');
    cryptoErrorOf(() => seal(blobKey(run), Buffer.from('x'), SHA), 'key-destroyed');
  });
});

describe('sealText / openText (text envelopes, for TEXT columns)', () => {
  it('round-trips UTF-8 text as "ps1:" + base64url', () => {
    const key = textKey(createClientKey());
    for (const text of ['', 'Müller GmbH & Co. KG – Łódź ąęłż', 'x'.repeat(10_000), '<script>alert(1)</script>']) {
      const sealed = sealText(key, text, 'installations.base_url:7');
      expect(sealed).toMatch(/^ps1:[A-Za-z0-9_-]+$/);
      expect(openText(key, sealed, 'installations.base_url:7')).toBe(text);
    }
  });

  it('is the binary envelope in text form, both ways', () => {
    const key = textKey(createClientKey());
    const sealed = sealText(key, 'value', 'clients.notes:1');
    const binary = envelopeFromText(sealed);
    expect(envelopeToText(binary)).toBe(sealed);
    expect(envelopeKeyId(sealed)).toBe(key.id);
    expect(open(key, binary, 'clients.notes:1').toString()).toBe('value');
  });

  it('refuses another row or column, another key, an altered character, a future version and plaintext', () => {
    const client = createClientKey();
    const key = textKey(client);
    const sealed = sealText(key, 'secret notes', 'clients.notes:1');
    cryptoErrorOf(() => openText(key, sealed, 'clients.notes:2'), 'tampered');
    cryptoErrorOf(() => openText(key, sealed, 'clients.name:1'), 'tampered');
    cryptoErrorOf(() => openText(textKey(createClientKey()), sealed, 'clients.notes:1'), 'wrong-key');
    const last = sealed.length - 3;
    const altered = sealed.slice(0, last) + (sealed[last] === 'A' ? 'B' : 'A') + sealed.slice(last + 1);
    cryptoErrorOf(() => openText(key, altered, 'clients.notes:1'), 'tampered');
    cryptoErrorOf(() => openText(key, sealed.replace(/^ps1:/, 'ps2:'), 'clients.notes:1'), 'unsupported-version');
    cryptoErrorOf(() => openText(key, 'secret notes', 'clients.notes:1'), 'malformed');
  });

  it('tells envelopes from plaintext (for rows written before encryption)', () => {
    const key = textKey(createClientKey());
    expect(isEnvelope(sealText(key, 'x', 'a'))).toBe(true);
    expect(isEnvelope(seal(key, Buffer.from('x'), 'a'))).toBe(true);
    expect(isEnvelope('https://mautic.example.com/')).toBe(false);
    expect(isEnvelope(Buffer.from('{"kind":"http"}'))).toBe(false);
  });
});

describe('lookupHash (searchable while encrypted)', () => {
  it('is deterministic per key, context and value, and differs when any of them does', () => {
    const client = createClientKey();
    const key = lookupKey(client);
    const h = lookupHash(key, 'clients.name', 'Acme GmbH');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(lookupHash(key, 'clients.name', 'Acme GmbH')).toBe(h);
    expect(lookupHash(key, 'clients.name', Buffer.from('Acme GmbH'))).toBe(h);
    expect(lookupHash(key, 'clients.name', 'Acme GmbH ')).not.toBe(h);
    expect(lookupHash(key, 'installations.host', 'Acme GmbH')).not.toBe(h);
    expect(lookupHash(lookupKey(createClientKey()), 'clients.name', 'Acme GmbH')).not.toBe(h);
  });

  it('is not a bare hash and not the text or blob subkey: each purpose has its own key', () => {
    const client = createClientKey();
    cryptoErrorOf(() => lookupHash(textKey(client), 'clients.name', 'Acme'), 'invalid-argument');
    cryptoErrorOf(() => seal(lookupKey(client), Buffer.from('x'), 'a'), 'invalid-argument');
    cryptoErrorOf(() => lookupHash(lookupKey(client), 'a\0b', 'Acme'), 'invalid-argument');
    cryptoErrorOf(() => lookupHash(lookupKey(client), '', 'Acme'), 'invalid-argument');
  });
});
