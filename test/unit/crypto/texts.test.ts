// Every message of core/crypto exists in German and English, fills its placeholders, and the keyring's refusals
// say that nothing was changed.
import { describe, expect, it } from 'vitest';
import { CryptoError, cryptoErrorText } from '../../../electron/core/crypto';
import { CRYPTO_ERROR_CODES, cryptoText } from '../../../electron/core/crypto/texts';

const PARAMS = { file: '/x/pruefstand.db.key', detail: 'd', expected: 'e', actual: 'a', mode: '0644', method: 'keyfile', protector: 'p', backend: 'basic_text', reasons: 'r' };
const UNCHANGED = ['keyring-missing', 'keyring-exists', 'keyring-corrupt', 'key-file-missing', 'key-file-exists', 'key-file-mode', 'key-file-corrupt', 'key-file-mismatch', 'wrong-passphrase', 'keychain-unavailable', 'keychain-insecure', 'keychain-refused'] as const;

describe('crypto texts', () => {
  it.each(CRYPTO_ERROR_CODES)('%s has a German and an English text with every placeholder filled', (code) => {
    const de = cryptoText(code, PARAMS, 'de');
    const en = cryptoText(code, PARAMS, 'en');
    expect(de.length).toBeGreaterThan(10);
    expect(en.length).toBeGreaterThan(10);
    expect(de).not.toBe(en);
    expect(`${de} ${en}`).not.toMatch(/\{\w+\}/);
  });

  it.each(UNCHANGED)('%s says that nothing was changed', (code) => {
    expect(cryptoText(code, PARAMS, 'en')).toContain('Nothing was changed.');
    expect(cryptoText(code, PARAMS, 'de')).toContain('Es wurde nichts verändert.');
  });

  it("renders 'locked' with each method's reason in the language asked for", () => {
    const err = new CryptoError('locked', { file: '/x/k' }, {
      attempts: [
        { method: 'keyfile', error: new CryptoError('key-file-missing', { file: '/x/key' }) },
        { method: 'passphrase', error: new CryptoError('wrong-passphrase') },
      ],
    });
    expect(err.message).toMatch(/^The keyring \/x\/k cannot be unlocked: \[keyfile\] The key file \/x\/key is missing\..* \[passphrase\] The passphrase is wrong\./);
    expect(cryptoErrorText(err, 'de')).toMatch(/^Der Schlüsselbund \/x\/k lässt sich nicht entsperren: \[keyfile\] Die Schlüsseldatei .* \[passphrase\] Die Passphrase ist falsch\./);
  });
});
