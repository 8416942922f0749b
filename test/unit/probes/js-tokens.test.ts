import { describe, expect, it } from 'vitest';
import { callArguments, isTrue, objectEntries, stringValue, tokenize } from '../../../electron/core/probes/js-tokens';

const values = (src: string) => tokenize(src).tokens.map((t) => `${t.type}:${t.value}`);

describe('tokenize', () => {
  it('drops comments and whitespace, keeps names, strings and punctuation', () => {
    expect(values("// Fingerprint2\nvar a = 'x'; /* Fingerprint2 */ b(\"y\")")).toEqual(['name:var', 'name:a', 'punct:=', 'string:x', 'punct:;', 'name:b', 'punct:(', 'string:y', 'punct:)']);
  });

  it('decodes escapes in string literals', () => {
    const strings = tokenize("'it\\'s' \"a\\x41\\u0042\\u{43}\" 'line\\\ncontinued' '\\n'").tokens.map((t) => t.value);
    expect(strings).toEqual(["it's", 'aABC', 'linecontinued', '\n']);
  });

  it('tells a regular expression from a division', () => {
    expect(values('/in/.test(x)')[0]).toBe('regex:/in/');
    expect(values('a / b / c')).toEqual(['name:a', 'punct:/', 'name:b', 'punct:/', 'name:c']);
    expect(values("return /'/g")).toEqual(['name:return', "regex:/'/g"]);
    // A quote inside a regex must not open a string that swallows the rest.
    expect(values("x.replace(/[\"']/g,'');MauticJS")).toContain('name:MauticJS');
  });

  it('keeps template literals whole, with their substitutions', () => {
    const { tokens } = tokenize('a=`https://${host}/mtc.js`;b=1');
    expect(tokens.map((t) => t.type)).toEqual(['name', 'punct', 'template', 'punct', 'name', 'punct', 'number']);
    expect(tokens[2]!.value).toBe('https://${host}/mtc.js');
  });

  it('skips HTML-like comments of classic inline scripts', () => {
    expect(values('<!--\nmt("send","pageview");\n//-->')).toEqual(['name:mt', 'punct:(', 'string:send', 'punct:,', 'string:pageview', 'punct:)', 'punct:;']);
  });

  it('reads numbers with exponents and does not loop on unterminated input', () => {
    expect(values('1e-3+.5')).toEqual(['number:1e-3', 'punct:+', 'number:.5']);
    expect(values("'open")).toEqual(['string:open']);
    expect(values('/* open')).toEqual([]);
    expect(values('`open')).toEqual(['template:open']);
  });

  it('stops at the token cap and says so', () => {
    const { tokens, truncated } = tokenize('a;'.repeat(100), 10);
    expect(tokens).toHaveLength(10);
    expect(truncated).toBe(true);
    expect(tokenize('a;', 10).truncated).toBe(false);
  });
});

describe('call helpers', () => {
  const args = (src: string) => {
    const { tokens } = tokenize(src);
    return callArguments(tokens, tokens.findIndex((t) => t.value === '('))!;
  };

  it('splits arguments at top-level commas only', () => {
    const a = args("gtag('config','G-1',{\"a\":[1,2],b:f(3,4)})");
    expect(a).toHaveLength(3);
    expect(stringValue(a[1])).toBe('G-1');
    expect([...objectEntries(a[2]).keys()]).toEqual(['a', 'b']);
  });

  it('reads true and its minified form, not other values', () => {
    const a = args('f(true,!0,false,!1,1)');
    expect(a.map((x) => isTrue(x))).toEqual([true, true, false, false, false]);
  });

  it('returns null for an unclosed call and an empty list for no arguments', () => {
    const { tokens } = tokenize('f(1,2');
    expect(callArguments(tokens, 1)).toBeNull();
    expect(args('f()')).toEqual([]);
  });

  it('gives no string value for expressions or substituted templates', () => {
    expect(stringValue(args("f('a'+b)")[0])).toBeNull();
    expect(stringValue(args('f(`a${b}`)')[0])).toBeNull();
    expect(stringValue(args('f(`plain`)')[0])).toBe('plain');
  });
});
