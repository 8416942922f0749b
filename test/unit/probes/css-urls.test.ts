import { describe, expect, it } from 'vitest';
import { tokenizeCss, type CssToken } from '../../../electron/core/probes/css-tokenize';
import { cssReferences } from '../../../electron/core/probes/css-urls';

const tokens = (css: string) => [...tokenizeCss(css)].filter((t) => t.type !== 'whitespace');
const valued = (css: string) => tokens(css).map((t: CssToken) => ('value' in t ? `${t.type}:${t.value}` : t.type));
const refs = (css: string, context?: 'stylesheet' | 'declarations') => cssReferences(css, context).references.map((r) => `${r.kind} ${r.raw}`);

describe('tokenizeCss', () => {
  it('reads strings with either quote, escaped quotes, hex escapes and line continuations', () => {
    expect(valued(`"it\\"s" 'a"b' "\\41 B" "x\\\ny" "\\66 oo"`)).toEqual(['string:it"s', 'string:a"b', 'string:AB', 'string:xy', 'string:foo']);
  });

  it('ends a string at an unescaped newline as a bad string', () => {
    expect(valued('"abc\ndef"')).toEqual(['bad-string', 'ident:def', 'string:']);
  });

  it('skips comments, also unterminated ones, and does not see URLs in them', () => {
    expect(valued('a /* url(x.png) "str" */ b /* open')).toEqual(['ident:a', 'ident:b']);
  });

  it('does not take comment markers inside strings for comments', () => {
    expect(valued('"/* not a comment */" c')).toEqual(['string:/* not a comment */', 'ident:c']);
  });

  it('reads url() unquoted, with escapes and surrounding spaces, and quoted as a function with a string', () => {
    expect(valued('url( a\\)b.png ) URL(c.png) url("d.png") url(\'e f.png\')')).toEqual(['url:a)b.png', 'url:c.png', 'function:url', 'string:d.png', ')', 'function:url', 'string:e f.png', ')']);
  });

  it('turns a url() with a space or quote inside into a bad URL that swallows up to the )', () => {
    expect(valued('url(a b) x url(a"b) y')).toEqual(['bad-url', 'ident:x', 'bad-url', 'ident:y']);
  });

  it('reads at-keywords, functions, braces and semicolons', () => {
    expect(valued('@import foo("x"); @font-face{src:local(y)}')).toEqual([
      'at-keyword:import', 'function:foo', 'string:x', ')', ';', 'at-keyword:font-face', '{', 'ident:src', ':', 'function:local', 'ident:y', ')', '}',
    ]);
  });
});

describe('cssReferences', () => {
  it('lists @import (url or string), @font-face src as fonts and other url() as images', () => {
    const css = `@charset "utf-8";
      @import url(https://fonts.googleapis.com/css2?family=Roboto);
      @import "/css/more.css" screen;
      @font-face { font-family: X; src: local("X"), url(/fonts/x.woff2) format("woff2"), url('/fonts/x.woff') format("woff"); }
      body { background: url("/img/bg.png") no-repeat; }`;
    expect(refs(css)).toEqual([
      'stylesheet https://fonts.googleapis.com/css2?family=Roboto',
      'stylesheet /css/more.css',
      'font /fonts/x.woff2',
      'font /fonts/x.woff',
      'image /img/bg.png',
    ]);
  });

  it('finds nothing in comments or ordinary strings', () => {
    expect(refs('/* @import url(https://fonts.googleapis.com/x); */ a::before { content: "url(https://evil.example/x.png)"; font-family: "Roboto" }')).toEqual([]);
  });

  it('keeps an escaped quote inside a quoted url', () => {
    expect(refs(`a { background: url("/img/it\\"s.png") }`)).toEqual(['image /img/it"s.png']);
  });

  it('ignores @import after a style rule or @namespace, as browsers do, but not after @layer statements', () => {
    expect(refs('@layer base; @import "a.css"; h1 { color: red } @import "b.css";')).toEqual(['stylesheet a.css']);
    expect(refs('@namespace svg url(http://www.w3.org/2000/svg); @import "c.css";')).toEqual([]);
  });

  it('finds @font-face nested in @media and @supports', () => {
    expect(refs('@media screen { @supports (display: grid) { @font-face { src: url(https://fonts.gstatic.com/s/r.woff2) } } }')).toEqual(['font https://fonts.gstatic.com/s/r.woff2']);
  });

  it('reads image-set() strings and skips data:, fragment-only and empty URLs', () => {
    expect(refs('a { background: image-set("a.png" 1x, url(b.png) 2x); mask: url(#m); b: url(data:image/png;base64,AAAA); c: url() }')).toEqual(['image a.png', 'image b.png']);
  });

  it('reads a style attribute as declarations (no @import there)', () => {
    expect(refs('background-image: url(/hero.jpg); color: red', 'declarations')).toEqual(['image /hero.jpg']);
  });

  it('caps the list', () => {
    const { references, truncated } = cssReferences('a { b: url(x.png) }'.repeat(20), 'stylesheet', 5);
    expect(references).toHaveLength(5);
    expect(truncated).toBe(true);
  });
});
