// The one error type of core/crypto. `message` is the English text; cryptoErrorText gives it in either language.
import type { Lang } from '../../shared/domain';
import { cryptoText, type CryptoErrorCode } from './texts';

export type { CryptoErrorCode } from './texts';

/** How the keyring can be unlocked (keyring.ts tries them in this order). */
export const UNLOCK_METHODS = ['os-keychain', 'keyfile', 'passphrase'] as const;
export type UnlockMethod = (typeof UNLOCK_METHODS)[number];

/** One way of unlocking that did not work, and why. */
export interface UnlockFailure {
  method: UnlockMethod;
  error: CryptoError;
}

export class CryptoError extends Error {
  override readonly name = 'CryptoError';
  /** For 'locked': each method that was tried, with its own error. */
  readonly attempts: readonly UnlockFailure[];

  constructor(
    readonly code: CryptoErrorCode,
    readonly params: Readonly<Record<string, string>> = {},
    options?: { cause?: unknown; attempts?: readonly UnlockFailure[] },
  ) {
    super(render(code, params, options?.attempts ?? [], 'en'), options?.cause === undefined ? undefined : { cause: options.cause });
    this.attempts = options?.attempts ?? [];
  }
}

function render(code: CryptoErrorCode, params: Readonly<Record<string, string>>, attempts: readonly UnlockFailure[], lang: Lang): string {
  if (attempts.length === 0) return cryptoText(code, params, lang);
  const reasons = attempts.map((a) => `[${a.method}] ${cryptoErrorText(a.error, lang)}`).join(' ');
  return cryptoText(code, { ...params, reasons }, lang);
}

/** The error's text in the user's language. */
export function cryptoErrorText(err: CryptoError, lang: Lang): string {
  return render(err.code, err.params, err.attempts, lang);
}

/** True when unlocking failed only for want of a passphrase that was not given: ask for it and try again. */
export function needsPassphrase(err: unknown): boolean {
  if (!(err instanceof CryptoError)) return false;
  if (err.code === 'passphrase-needed') return true;
  return err.code === 'locked' && err.attempts.some((a) => a.error.code === 'passphrase-needed');
}

export function ioError(file: string, err: unknown): CryptoError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return new CryptoError('io', { file, detail: typeof code === 'string' ? code : String((err as Error)?.message ?? err) }, { cause: err });
}
