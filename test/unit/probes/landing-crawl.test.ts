import { describe, expect, it } from 'vitest';
import { crawl, followableLink, leftHost, pageKey } from '../../../electron/core/probes/landing-crawl';

const PAGE = 'https://www.example.com/lp/start';

describe('followableLink', () => {
  it('follows http(s) links on the same host, with or without www., without the fragment', () => {
    expect(followableLink('https://www.example.com/kontakt#form', PAGE)).toBe('https://www.example.com/kontakt');
    expect(followableLink('http://example.com/agb', PAGE)).toBe('http://example.com/agb');
    expect(followableLink('https://WWW.EXAMPLE.COM/a?b=1', PAGE)).toBe('https://www.example.com/a?b=1');
  });

  it('does not follow other hosts, subdomains, other schemes or the page itself', () => {
    for (const href of [
      'https://other.example/',
      'https://shop.example.com/',
      'mailto:info@example.com',
      'tel:+4930123',
      'javascript:void(0)',
      'ftp://www.example.com/x',
      'https://www.example.com/lp/start#top',
      'https://www.example.com/lp/start',
      'not a url',
    ]) {
      expect(followableLink(href, PAGE), href).toBeNull();
    }
  });

  it('does not follow downloads and media files, but does follow page-like extensions', () => {
    for (const path of ['/a.pdf', '/b.ZIP', '/c.jpg', '/d.docx', '/e.mp4', '/f.svg', '/g.css', '/h.js', '/i.xml']) {
      expect(followableLink(`https://www.example.com${path}`, PAGE), path).toBeNull();
    }
    for (const path of ['/a.html', '/b.php', '/c.aspx', '/d/', '/e', '/download.pdf/page']) {
      expect(followableLink(`https://www.example.com${path}`, PAGE), path).not.toBeNull();
    }
  });

  it('keys pages by URL without fragment and tells when a redirect left the host', () => {
    expect(pageKey('https://x.example/a#b')).toBe('https://x.example/a');
    expect(leftHost('https://example.com/a', 'https://www.example.com/b')).toBe(false);
    expect(leftHost('https://example.com/a', 'https://sso.example.net/login')).toBe(true);
  });
});

/** A site as a map from URL to its links (after redirects: `to`); crawl is the scheduler under test. */
function site(pages: Record<string, { links?: string[]; to?: string }>) {
  const visits: string[] = [];
  const visit = async (url: string, from: string | null) => {
    visits.push(url);
    const p = pages[url] ?? {};
    return { page: { url, from }, finalUrl: p.to ?? url, links: p.links ?? [] };
  };
  return { visits, visit };
}

const options = { maxPages: 50, maxDepth: 1, concurrency: 3, signal: new AbortController().signal };

describe('crawl', () => {
  it('visits the named pages first, then the same-host pages they link, each once, up to the depth', async () => {
    const s = site({
      'https://a.example/': { links: ['https://a.example/x', 'https://a.example/y#f', 'https://b.example/', 'https://a.example/'] },
      'https://a.example/lp#top': { links: ['https://a.example/y', 'https://a.example/z'] },
      'https://a.example/x': { links: ['https://a.example/deeper'] },
    });
    const { pages, skipped } = await crawl(['https://a.example/', 'https://a.example/lp#top', 'https://a.example/#again'], s.visit, options);
    expect(pages).toEqual([
      { url: 'https://a.example/', from: null },
      { url: 'https://a.example/lp#top', from: null },
      { url: 'https://a.example/x', from: 'https://a.example/' },
      { url: 'https://a.example/y', from: 'https://a.example/' },
      { url: 'https://a.example/z', from: 'https://a.example/lp#top' },
    ]);
    expect(skipped).toBe(0);
    expect(s.visits).not.toContain('https://a.example/deeper');
  });

  it('goes deeper when asked, and depth 0 visits the named pages only', async () => {
    const graph = { 'https://a.example/': { links: ['https://a.example/1'] }, 'https://a.example/1': { links: ['https://a.example/2'] } };
    expect((await crawl(['https://a.example/'], site(graph).visit, { ...options, maxDepth: 2 })).pages).toHaveLength(3);
    expect((await crawl(['https://a.example/'], site(graph).visit, { ...options, maxDepth: 0 })).pages).toHaveLength(1);
  });

  it('caps the pages in all, named first, and counts every known page left out', async () => {
    const named = Array.from({ length: 200 }, (_, i) => `https://a.example/p${i}`);
    const s = site({ 'https://a.example/p0': { links: ['https://a.example/linked'] } });
    const { pages, skipped } = await crawl(named, s.visit, options);
    expect(pages).toHaveLength(50);
    expect(s.visits).toEqual(named.slice(0, 50));
    expect(skipped).toBe(151);
  });

  it('leaves out a linked page that redirects to another host and does not follow its links', async () => {
    const s = site({
      'https://a.example/': { links: ['https://a.example/shop', 'https://a.example/ok'] },
      'https://a.example/shop': { to: 'https://shop.other.example/', links: ['https://shop.other.example/cart'] },
    });
    const { pages } = await crawl(['https://a.example/'], s.visit, { ...options, maxDepth: 2 });
    expect(pages.map((p) => p.url)).toEqual(['https://a.example/', 'https://a.example/ok']);
  });

  it('stops when the audit is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await crawl(['https://a.example/'], site({}).visit, { ...options, signal: controller.signal })).pages).toEqual([]);
  });
});
