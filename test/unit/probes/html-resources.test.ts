import { describe, expect, it } from 'vitest';
import { parseLandingHtml, parseSrcset } from '../../../electron/core/probes/html-resources';
import { decodeText, looksBinary } from '../../../electron/core/probes/document-text';

const PAGE = 'https://www.example.com/lp/';
const listed = (html: string) => parseLandingHtml(html, PAGE).resources.map((r) => `${r.kind} ${r.url ?? r.raw}`);

describe('parseSrcset', () => {
  it('splits candidates at commas, keeping descriptors out', () => {
    expect(parseSrcset('a.png 1x, b.png 2x,c.png 480w')).toEqual(['a.png', 'b.png', 'c.png']);
  });

  it('keeps commas inside a URL and inside descriptor parentheses', () => {
    expect(parseSrcset('/img/w_100,h_50/a.jpg 100w, /img/w_200,h_100/a.jpg 200w')).toEqual(['/img/w_100,h_50/a.jpg', '/img/w_200,h_100/a.jpg']);
    expect(parseSrcset('a.png (x, y) 1x, b.png')).toEqual(['a.png', 'b.png']);
  });

  it('strips commas that end a URL without descriptors, and skips empty candidates', () => {
    expect(parseSrcset(' ,, a.png,, b.png 2x ,')).toEqual(['a.png', 'b.png']);
    expect(parseSrcset('')).toEqual([]);
  });
});

describe('parseLandingHtml', () => {
  it('lists srcset, media sources, posters, tracks, embed, object, manifest and image inputs', () => {
    const html = `<picture><source srcset="https://img.example/a.webp 1x, https://img.example/a2.webp 2x"><img src="/a.jpg" srcset="/a-1.jpg 1x, /a-2.jpg 2x"></picture>
      <video src="https://cdn.video.example/v.mp4" poster="https://cdn.video.example/p.jpg"><source src="/v.webm"><track src="/subs.vtt"></video>
      <audio src="/a.mp3"></audio><embed src="https://player.example/e.swf"><object data="/doc.pdf"></object>
      <link rel="manifest" href="/site.webmanifest"><link rel="preload" as="image" imagesrcset="/hero-1.jpg 1x, /hero-2.jpg 2x">
      <input type="image" src="/go.png"><input type="text" src="/not.png">`;
    expect(listed(html)).toEqual([
      'image https://img.example/a.webp',
      'image https://img.example/a2.webp',
      'image https://www.example.com/a.jpg',
      'image https://www.example.com/a-1.jpg',
      'image https://www.example.com/a-2.jpg',
      'media https://cdn.video.example/v.mp4',
      'image https://cdn.video.example/p.jpg',
      'media https://www.example.com/v.webm',
      'media https://www.example.com/subs.vtt',
      'media https://www.example.com/a.mp3',
      'object https://player.example/e.swf',
      'object https://www.example.com/doc.pdf',
      'manifest https://www.example.com/site.webmanifest',
      'preload https://www.example.com/hero-1.jpg',
      'preload https://www.example.com/hero-2.jpg',
      'image https://www.example.com/go.png',
    ]);
  });

  it('reads inline <style> (with @import and @font-face) and style attributes, resolved against the page', () => {
    const html = `<style>/* <img src="x"> url(/commented.png) */ @import url(https://fonts.googleapis.com/css?family=Lato);
      @font-face { src: url(fonts/l.woff2) } .a { background: url('&amp;.png') }</style>
      <div style="background-image: url(&quot;/hero.jpg&quot;)"></div>`;
    const { resources } = parseLandingHtml(html, PAGE);
    expect(resources.map((r) => `${r.kind} ${r.url}`)).toEqual([
      'stylesheet https://fonts.googleapis.com/css?family=Lato',
      'font https://www.example.com/lp/fonts/l.woff2',
      // Style text is raw: entities are not decoded there, unlike in attributes.
      'image https://www.example.com/lp/&amp;.png',
      'image https://www.example.com/hero.jpg',
    ]);
    expect(resources.every((r) => r.via === null && r.integrity === null)).toBe(true);
  });

  it('lists links from <a> and <area>, resolved against <base>, without download links', () => {
    const html = `<base href="https://www.example.com/de/"><a href="kontakt">K</a><a href="/agb#x">A</a><area href="https://other.example/">
      <a href="/file.pdf" download>D</a><a href="mailto:x@example.com">M</a><a href="http://[bad">B</a><a>no href</a>`;
    expect(parseLandingHtml(html, PAGE).links).toEqual(['https://www.example.com/de/kontakt', 'https://www.example.com/agb#x', 'https://other.example/', 'mailto:x@example.com']);
  });
});

describe('document text', () => {
  it('tells text from binary', () => {
    expect(looksBinary(Buffer.from('<!doctype html><p>Grüße\tund\r\n</p>'))).toBe(false);
    expect(looksBinary(Buffer.from([0x3c, 0x70, 0x00, 0x3e]))).toBe(true);
    expect(looksBinary(Buffer.from('\x01\x02\x03\x04 mostly controls \x05\x06\x07'))).toBe(true);
    expect(looksBinary(Buffer.from('\ufeff<p>x</p>', 'utf16le'))).toBe(false);
    expect(looksBinary(Buffer.alloc(0))).toBe(false);
    expect(looksBinary(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)))).toBe(true);
  });

  it('decodes by byte-order mark, then the declared charset, else UTF-8', () => {
    expect(decodeText(Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65]), 'text/html; charset=ISO-8859-1')).toBe('Grüße');
    expect(decodeText(Buffer.from('Grüße', 'utf8'), 'text/html')).toBe('Grüße');
    expect(decodeText(Buffer.from('\ufeffGrüße', 'utf16le'), 'text/html; charset=utf-8')).toBe('Grüße');
    expect(decodeText(Buffer.from('abc'), 'text/html; charset=no-such-charset')).toBe('abc');
  });
});
