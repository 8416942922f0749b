// AES-256-GCM envelopes and keyed lookup hashes.
//
// Binary envelope (for blob files):  "PSEN" | version 1 (1 byte) | key id (8) | nonce (12, random) | ciphertext | tag (16)
// Text envelope (for TEXT columns):  "ps1:" + base64url(binary envelope)
//
// The GCM associated data is the header (magic, version, key id, nonce) followed by the caller's associated data,
// which names the place the ciphertext belongs to (a blob's sha256, "table.column:rowid"): moved elsewhere, or
// opened with another key, it does not open.
import { createCipheriv, createDecipheriv, createHmac, randomFillSync } from 'node:crypto';
import { CryptoError } from './errors';
import { KEY_ID_BYTES, type Subkey } from './secret-key';

const MAGIC = Buffer.from('PSEN', 'latin1');
export const ENVELOPE_VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 1 + KEY_ID_BYTES + NONCE_BYTES;
/** The smallest envelope: a header and a tag around an empty plaintext. */
export const ENVELOPE_OVERHEAD = HEADER_BYTES + TAG_BYTES;
export const TEXT_PREFIX = `ps${ENVELOPE_VERSION}:`;
const TEXT_PATTERN = /^ps(\d+):([A-Za-z0-9_-]*)$/;

/** Where a ciphertext belongs; bound into it and needed again to open it. */
export type AssociatedData = string | Buffer;

function aadBytes(aad: AssociatedData): Buffer {
  const bytes = typeof aad === 'string' ? Buffer.from(aad, 'utf8') : aad;
  if (bytes.length === 0) throw new CryptoError('invalid-argument', { detail: 'the associated data must name the place the ciphertext belongs to' });
  return bytes;
}

function sealingKey(key: Subkey): Buffer {
  if (key.purpose === 'lookup') throw new CryptoError('invalid-argument', { detail: 'a lookup subkey only makes lookup hashes' });
  return key.bytes();
}

/** Seals `plaintext` under `key`, bound to `aad`; a fresh random nonce each time. */
export function seal(key: Subkey, plaintext: Buffer, aad: AssociatedData): Buffer {
  const keyBytes = sealingKey(key);
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt8(ENVELOPE_VERSION, MAGIC.length);
  header.write(key.id, MAGIC.length + 1, KEY_ID_BYTES, 'hex');
  const nonce = header.subarray(HEADER_BYTES - NONCE_BYTES);
  randomFillSync(nonce);
  const cipher = createCipheriv('aes-256-gcm', keyBytes, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.concat([header, aadBytes(aad)]));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

interface Parsed {
  header: Buffer;
  keyId: string;
  nonce: Buffer;
  body: Buffer;
  tag: Buffer;
}

function parse(envelope: Buffer): Parsed {
  if (envelope.length < ENVELOPE_OVERHEAD || !envelope.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new CryptoError('malformed', { detail: envelope.length < ENVELOPE_OVERHEAD ? `${envelope.length} bytes, too short` : 'no envelope header' });
  }
  const version = envelope.readUInt8(MAGIC.length);
  if (version !== ENVELOPE_VERSION) throw new CryptoError('unsupported-version', { detail: `v${version}` });
  const header = envelope.subarray(0, HEADER_BYTES);
  return {
    header,
    keyId: header.subarray(MAGIC.length + 1, MAGIC.length + 1 + KEY_ID_BYTES).toString('hex'),
    nonce: header.subarray(HEADER_BYTES - NONCE_BYTES),
    body: envelope.subarray(HEADER_BYTES, envelope.length - TAG_BYTES),
    tag: envelope.subarray(envelope.length - TAG_BYTES),
  };
}

/** Opens an envelope sealed by `seal` with the same key and associated data; anything else is a CryptoError. */
export function open(key: Subkey, envelope: Buffer, aad: AssociatedData): Buffer {
  const parsed = parse(envelope);
  if (parsed.keyId !== key.id) throw new CryptoError('wrong-key', { expected: parsed.keyId, actual: key.id });
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(key), parsed.nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.concat([parsed.header, aadBytes(aad)]));
  decipher.setAuthTag(parsed.tag);
  const head = decipher.update(parsed.body);
  let tail: Buffer;
  try {
    tail = decipher.final();
  } catch (err) {
    head.fill(0); // never hand out bytes that failed authentication
    throw new CryptoError('tampered', {}, { cause: err });
  }
  const plaintext = Buffer.concat([head, tail]);
  head.fill(0);
  return plaintext;
}

/** The binary envelope as text for a SQLite TEXT column. */
export function envelopeToText(envelope: Buffer): string {
  parse(envelope);
  return TEXT_PREFIX + envelope.toString('base64url');
}

/** The binary envelope inside a text envelope. */
export function envelopeFromText(text: string): Buffer {
  const match = TEXT_PATTERN.exec(text);
  if (match === null) throw new CryptoError('malformed', { detail: `text does not start with ${TEXT_PREFIX}` });
  if (Number(match[1]) !== ENVELOPE_VERSION) throw new CryptoError('unsupported-version', { detail: `ps${match[1]}` });
  return Buffer.from(match[2] ?? '', 'base64url');
}

/** Seals a text field: UTF-8 in, a text envelope ("ps1:…") out. */
export function sealText(key: Subkey, plaintext: string, aad: AssociatedData): string {
  return envelopeToText(seal(key, Buffer.from(plaintext, 'utf8'), aad));
}

/** Opens a text envelope made by sealText. */
export function openText(key: Subkey, text: string, aad: AssociatedData): string {
  return open(key, envelopeFromText(text), aad).toString('utf8');
}

/** The id of the key that sealed an envelope (binary or text), to look that key up before opening. */
export function envelopeKeyId(envelope: Buffer | string): string {
  return parse(typeof envelope === 'string' ? envelopeFromText(envelope) : envelope).keyId;
}

/** Whether a stored value is an envelope (of any version) rather than plaintext: binary magic or "psN:" prefix. */
export function isEnvelope(value: Buffer | string): boolean {
  return typeof value === 'string' ? TEXT_PATTERN.test(value) : value.length >= ENVELOPE_OVERHEAD && value.subarray(0, MAGIC.length).equals(MAGIC);
}

/**
 * A deterministic keyed hash (HMAC-SHA-256, hex) of `value` for fields that are encrypted but must still be found
 * or compared (a client's name, a host). `context` ("clients.name") keeps equal values in different fields apart.
 * Normalise the value first (trim, case) if equal values may be spelt differently.
 */
export function lookupHash(key: Subkey, context: string, value: string | Buffer): string {
  if (key.purpose !== 'lookup') throw new CryptoError('invalid-argument', { detail: `lookup hashes need the lookup subkey, not the ${key.purpose} subkey` });
  if (context.length === 0 || context.includes('\0')) throw new CryptoError('invalid-argument', { detail: 'a lookup context is a non-empty name without NUL' });
  return createHmac('sha256', key.bytes()).update('pruefstand lookup v1\0').update(context).update('\0').update(value).digest('hex');
}
