import type { NetError } from '../net/types';
import { parseCrontab, MAX_CRONTAB_BYTES, type ParsedCrontab } from './crontab';
import { decodeConfigText, parseLocalPhp } from './local-php';
import { mergeConfig, type EffectiveValue } from './merge';
import type { PhpMap } from './php-values';
import { redactSource, redactText, redactValues } from './redact';
import type { VersionRange } from './versions';

/** local.php as it may be kept: values and source with every secret replaced. */
export interface RedactedLocalPhp {
  parameters: PhpMap;
  /** Dotted key paths whose values were (partly) redacted. */
  redactedKeys: string[];
  source: string;
  ignoredStatements: number;
}

export type LocalPhpResult = { ok: true; file: RedactedLocalPhp } | { ok: false; error: NetError };

/** Parses and redacts in one step, so nothing but the redacted forms leaves this function. */
export function redactedLocalPhp(bytes: Buffer): LocalPhpResult {
  const parsed = parseLocalPhp(bytes);
  if (!parsed.ok) return parsed;
  const { value, redacted } = redactValues(parsed.parsed.parameters);
  return {
    ok: true,
    file: { parameters: value as PhpMap, redactedKeys: [...new Set(redacted)].sort(), source: redactSource(parsed.parsed), ignoredStatements: parsed.parsed.ignoredStatements },
  };
}

export type CrontabResult = { ok: true; text: string; parsed: ParsedCrontab } | { ok: false; error: NetError };

export function redactedCrontab(content: Buffer | string): CrontabResult {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (bytes.length > MAX_CRONTAB_BYTES) return { ok: false, error: { code: 'io', message: `the crontab is larger than ${MAX_CRONTAB_BYTES} bytes` } };
  const raw = decodeConfigText(bytes);
  if (raw === null) return { ok: false, error: { code: 'parse', message: 'the crontab is not a text file (binary content)' } };
  const text = raw.split(/\r?\n/).map(redactText).join('\n');
  return { ok: true, text, parsed: parseCrontab(text) };
}

/** The JSON kept as evidence: the effective values with where each comes from (secrets already redacted). */
export function mergedEvidence(file: RedactedLocalPhp, path: string, version: VersionRange | null): { document: object; values: Record<string, EffectiveValue> } {
  const merged = mergeConfig([{ name: 'local.php', values: file.parameters }], version);
  const all = merged.all();
  // Defaults of secret keys ('temp', '') are public, but the evidence stays uniform: every secret redacted.
  const asMap = Object.create(null) as PhpMap;
  for (const [k, v] of Object.entries(all)) if (v.value !== undefined) asMap[k] = v.value;
  const clean = redactValues(asMap).value as PhpMap;
  const values = Object.create(null) as Record<string, EffectiveValue>;
  for (const [k, v] of Object.entries(all)) values[k] = { value: clean[k], from: v.from };
  return {
    document: {
      file: path,
      defaultsFor: merged.range.label,
      versionKnown: merged.versionKnown,
      ...(merged.versionKnown
        ? {}
        : {
            note: `The exact Mautic version was not known when this was stored, so defaults are those of ${merged.range.label} (marked assumed-default). The checks apply the defaults of the version line detected from /mtc.js and name it in their findings.`,
          }),
      redactedKeys: file.redactedKeys,
      ignoredStatements: file.ignoredStatements,
      values,
    },
    values,
  };
}
