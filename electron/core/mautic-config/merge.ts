import { DEFAULT_KEYS, defaultFor } from './defaults';
import type { PhpMap, PhpValue } from './php-values';
import { ASSUMED_RANGE, type VersionRange } from './versions';

/** Where an effective value comes from. */
export type Provenance =
  /** Set in the file. */
  | 'local.php'
  | 'parameters_local.php'
  /** Mautic's default for the known version. */
  | 'default'
  /** A default taken without knowing the version (or one that differs within the known version line). */
  | 'assumed-default'
  /** Neither set nor defaulted: the key does not exist in that version. */
  | 'unset';

export interface EffectiveValue {
  value: PhpValue | undefined;
  from: Provenance;
}

export interface ConfigLayer {
  name: 'local.php' | 'parameters_local.php';
  values: PhpMap;
}

export interface MergedConfig {
  /** The version whose defaults were applied: known, or ASSUMED_RANGE. */
  range: VersionRange;
  versionKnown: boolean;
  get(key: string): EffectiveValue;
  /** Every key of the layers and the defaults, for evidence. */
  all(): Record<string, EffectiveValue>;
}

/**
 * Mautic's order: the defaults of the version, then local.php, then parameters_local.php (top-level keys
 * replace, as ParameterLoader merges them). MAUTIC_CONFIG_PARAMETERS (env, 3.0+) cannot be seen from files.
 */
export function mergeConfig(layers: readonly ConfigLayer[], version: VersionRange | null): MergedConfig {
  const range = version ?? ASSUMED_RANGE;
  const get = (key: string): EffectiveValue => {
    for (const layer of [...layers].reverse()) {
      if (Object.prototype.hasOwnProperty.call(layer.values, key)) return { value: layer.values[key], from: layer.name };
    }
    const d = defaultFor(key, range);
    if (!d) return { value: undefined, from: 'unset' };
    return { value: d.value, from: version && !d.ambiguous ? 'default' : 'assumed-default' };
  };
  const all = () => {
    const keys = new Set([...DEFAULT_KEYS, ...layers.flatMap((l) => Object.keys(l.values))]);
    const out = Object.create(null) as Record<string, EffectiveValue>;
    for (const key of [...keys].sort()) out[key] = get(key);
    return out;
  };
  return { range, versionKnown: version !== null, get, all };
}

/** PHP's truthiness, as Mautic's `if ($coreParametersHelper->get(…))` reads a value. */
export function phpTruthy(v: PhpValue | undefined): boolean {
  if (v === undefined || v === null || v === false) return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '' && v !== '0';
  if (Array.isArray(v)) return v.length > 0;
  return typeof v === 'object' ? Object.keys(v).length > 0 : Boolean(v);
}
