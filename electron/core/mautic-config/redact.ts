import type { ParsedLocalPhp } from './local-php';
import { arrayEntries, isNotLiteral, isPhpMap, literalValue, newMap, type AstNode, type PhpValue } from './php-values';

export const REDACTED = '[redacted]';

/** MAUTIC_FACTS.md §2 "Secrets to redact" (top-level keys; nested ones are matched by path below). */
const SECRET_KEYS = new Set([
  'db_password', 'secret_key', 'rememberme_key', 'mailer_password', 'mailer_api_key', 'rabbitmq_password',
  'transifex_password', 'transifex_api_token', 'ip_lookup_auth', 'sms_password', 'notification_rest_api_key',
  'saml_idp_own_private_key', 'saml_idp_own_password', 'website_snapshot_key',
]);
/** Conservatively, any key whose name looks like a credential, at any depth (plugins keep their own). */
const SECRET_NAME = /pass|secret|api_?key|apikey|token|private_?key|credential|salt|(^|_)auth$|(^|_)key$|(^|_)pwd?$/i;

/** Whether the value at this key path is a secret as a whole (every scalar below it is redacted). */
export function isSecretPath(path: readonly string[]): boolean {
  const [top, second] = path;
  if (top === undefined) return false;
  if (SECRET_KEYS.has(top) || top.startsWith('messenger_dsn')) return true;
  if (top === 'cache_adapter_redis' && second === 'dsn') return true;
  if (top === 'monitored_email' && path[2] === 'password') return true;
  return path.some((key) => SECRET_NAME.test(key) || key.startsWith('<not a literal'));
}

// Up to the last '@' before the query: passwords are often written unencoded, with '/' or '@' in them.
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s?#'"]*@/gi;
const SECRET_QUERY = /([?&;][^=&\s'"]*(?:pass|secret|token|key|auth|sig|signature)[^=&\s'"]*=)[^&\s'"#]+/gi;

/** DSN and URL credentials inside any string: `smtp://user:pass@host` → `smtp://[redacted]@host`; `?api_key=…`. */
export function redactUrlSecrets(s: string): string {
  return s.replace(USERINFO, (_m, scheme: string) => `${scheme}${REDACTED}@`).replace(SECRET_QUERY, (_m, name: string) => `${name}${REDACTED}`);
}

/** Values that reveal nothing even under a secret name, and that flags like api_enable_basic_auth need intact. */
const keepsNothing = (v: PhpValue) => v === null || typeof v === 'boolean' || v === '' || v === '0' || v === '1' || v === 0 || v === 1;

/** A copy of the values with every secret replaced; the key paths redacted are listed (dotted). */
export function redactValues(value: PhpValue, path: string[] = [], redacted: string[] = []): { value: PhpValue; redacted: string[] } {
  const secret = isSecretPath(path);
  const walk = (v: PhpValue, p: string[]): PhpValue => {
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...p, String(i)]));
    if (isPhpMap(v)) {
      const out = newMap();
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, [...p, k]);
      return out;
    }
    if (isNotLiteral(v) || keepsNothing(v)) return v;
    if (secret || isSecretPath(p)) {
      redacted.push(p.join('.'));
      return REDACTED;
    }
    if (typeof v === 'string') {
      const clean = redactUrlSecrets(v);
      if (clean !== v) redacted.push(p.join('.'));
      return clean;
    }
    return v;
  };
  return { value: walk(value, path), redacted };
}

interface Replacement {
  start: number;
  end: number;
  text: string;
}

function phpQuote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const STRINGISH = new Set(['string', 'nowdoc', 'encapsed', 'encapsedpart', 'number', 'inline']);

/** Every literal inside an expression we do not understand, so credentials in it can still be blanked. */
function eachLiteral(node: unknown, visit: (n: AstNode) => void, depth = 0): void {
  if (depth > 200 || typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    for (const x of node) eachLiteral(x, visit, depth + 1);
    return;
  }
  const n = node as AstNode;
  if (typeof n.kind === 'string' && STRINGISH.has(n.kind) && n.kind !== 'encapsedpart' && n.loc) {
    visit(n);
    return;
  }
  for (const [field, x] of Object.entries(n)) if (field !== 'loc' && typeof x === 'object') eachLiteral(x, visit, depth + 1);
}

function valueReplacements(node: AstNode | null, path: string[], out: Replacement[], depth = 0): void {
  if (!node?.loc || depth > 200) return;
  const at = { start: node.loc.start.offset, end: node.loc.end.offset };
  if (node.kind === 'array') {
    const entries = arrayEntries(node);
    for (const e of entries) valueReplacements(e.value, [...path, e.key], out, depth + 1);
    return;
  }
  const value = literalValue(node);
  if (isSecretPath(path)) {
    if (!keepsNothing(value)) out.push({ ...at, text: phpQuote(REDACTED) });
    return;
  }
  if (typeof value === 'string') {
    const clean = redactUrlSecrets(value);
    if (clean !== value) out.push({ ...at, text: phpQuote(clean) });
    return;
  }
  if (isNotLiteral(value)) {
    eachLiteral(node, (lit) => {
      // An interpolated string is judged by its source text: `"smtp://u:$pw@host"` has no literal value.
      const s = lit.kind === 'encapsed' ? String(lit.raw ?? '') : String(literalValue(lit));
      if (redactUrlSecrets(s) !== s) out.push({ start: lit.loc!.start.offset, end: lit.loc!.end.offset, text: phpQuote(REDACTED) });
    });
  }
}

const BLANK: Record<string, (original: string) => string> = {
  comment: () => '/* [comment removed] */',
  'line-comment': (original) => `// [comment removed]${original.endsWith('\n') ? '\n' : ''}`,
  statement: () => '/* [statement not read, omitted] */',
  inline: () => '[text outside PHP omitted]',
};

/**
 * The source with every secret literal replaced in place (located by the parser's positions), and every
 * comment, other statement and inline text blanked: those may hold credentials that no key path names.
 */
export function redactSource(parsed: ParsedLocalPhp): string {
  const { text } = parsed;
  const out: Replacement[] = [];
  for (const root of parsed.roots) valueReplacements(root.node, root.path, out);
  for (const o of parsed.others) out.push({ start: o.start, end: o.end, text: BLANK[o.what]!(text.slice(o.start, o.end)) });
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  let result = '';
  let pos = 0;
  for (const r of out) {
    if (r.start < pos) continue; // inside a span already replaced
    result += text.slice(pos, r.start) + r.text;
    pos = r.end;
  }
  return result + text.slice(pos);
}

const MYSQL_CLIENT = /\b(mysql|mysqldump|mariadb|mariadb-dump|mysqladmin)\b/;

/** Free text (a crontab, a command line): URL credentials, secret-looking options, variables and headers. */
export function redactText(text: string): string {
  // `-pSECRET` is the MySQL clients' password option; elsewhere (`find -print`) it is none.
  const mysqlPassword = MYSQL_CLIENT.test(text) ? /((?:^|\s)-p)(?=\S)("[^"]*"|'[^']*'|[^\s;&|]+)/g : /$^/;
  return redactUrlSecrets(text)
    .replace(/(\b[A-Za-z_][A-Za-z0-9_]*(?:pass|secret|token|api_?key|private_?key|auth|pwd)[A-Za-z0-9_]*\s*=\s*)("[^"]*"|'[^']*'|[^\s;&|]+)/gi, `$1${REDACTED}`)
    .replace(/((?:^|\s)--?[A-Za-z0-9_-]*(?:pass|secret|token|api[_-]?key|private[_-]?key|auth)[A-Za-z0-9_-]*(?:=|\s+))("[^"]*"|'[^']*'|[^\s;&|]+)/gi, `$1${REDACTED}`)
    .replace(mysqlPassword, `$1${REDACTED}`)
    .replace(/((?:^|\s)(?:-u|--user)(?:=|\s+)['"]?[^\s:'"]+:)("[^"]*"|'[^']*'|[^\s'";&|]+)/g, `$1${REDACTED}`)
    .replace(/(\b(?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]+/g, `$1${REDACTED}`);
}
