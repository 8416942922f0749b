// How every CLI command unlocks the store's keyring (core/store openStore, core/crypto): with its key file, or with
// the passphrase from PRUEFSTAND_PASSPHRASE when the keyring has one. Types only: commands load the store lazily.
import type { OpenStoreOptions } from '../core/store';

export function storeKeyOptions(env: NodeJS.ProcessEnv = process.env): OpenStoreOptions {
  const passphrase = env.PRUEFSTAND_PASSPHRASE;
  return passphrase === undefined || passphrase === '' ? {} : { passphrase };
}
