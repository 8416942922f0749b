import { decodeConfigText } from './local-php';
import { REDACTED, redactText } from './redact';
import { redactedLocalPhp } from './redacted-files';

/** The kinds of exposed files whose content may carry credentials. */
export type SecretBearingKind = 'config' | 'env' | 'logs';

const ENV_ASSIGNMENT = /^(\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.]*\s*=\s*).*$/;

const lines = (text: string, each: (line: string) => string) => text.split(/(\r?\n)/).map((part, i) => (i % 2 ? part : each(part))).join('');

/**
 * An exposed file as it may be kept as evidence: what proves the exposure (the file's structure, its keys)
 * stays; every value that could be a secret goes. A PHP file that cannot be parsed is withheld whole, since
 * without the parser nobody can say where its secrets are.
 */
export function redactExposedFile(kind: SecretBearingKind, body: Buffer): Buffer {
  const text = decodeConfigText(body);
  if (text === null) return Buffer.from(`[${body.length} bytes of binary content withheld: it may hold secrets]`);
  switch (kind) {
    case 'config': {
      if (!/<\?php/i.test(text)) return Buffer.from(lines(text, redactText));
      const parsed = redactedLocalPhp(body);
      if (parsed.ok) return Buffer.from(parsed.file.source);
      return Buffer.from(`<?php /* ${body.length} bytes of PHP withheld by Prüfstand: the file could not be parsed (${parsed.error.message}), so its secrets could not be redacted */`);
    }
    case 'env':
      return Buffer.from(lines(text, (line) => (ENV_ASSIGNMENT.test(line) ? line.replace(ENV_ASSIGNMENT, `$1${REDACTED}`) : redactText(line))));
    case 'logs':
      return Buffer.from(lines(text, redactText));
  }
}
