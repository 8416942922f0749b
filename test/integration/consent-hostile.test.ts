// Proves the hostile browser fixture in a real Chromium with playwright alone: each page really does what the
// visit engine must survive.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../fixtures/browser';
import { LAN_ROUTER, startHostileBrowserSite, type HostileBrowserSite } from '../fixtures/consent-hostile';

let site: HostileBrowserSite;
let browser: Browser;

beforeAll(async () => {
  site = await startHostileBrowserSite();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const never = Symbol('never');
const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<typeof never>((r) => setTimeout(() => r(never), ms))]);

describe('hostile browser site', () => {
  it('/loop loads, then its renderer never answers again', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.pages.loop.href, { waitUntil: 'load' });
    await page.waitForTimeout(200);
    expect(await within(page.evaluate(() => 1), 1500)).toBe(never);
    await within(context.close(), 5000);
  });

  it('/dialogs opens an alert, a confirm and a pop-up', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.dismiss();
    });
    const popup = page.waitForEvent('popup');
    await page.goto(site.pages.dialogs.href, { waitUntil: 'load' });
    const opened = await popup;
    expect(opened.url()).toBe(new URL('/popup', site.pages.dialogs).href);
    expect(dialogs).toEqual(['alert', 'confirm']);
    expect(await page.title()).toBe('Dialoge false');
    await context.close();
  });

  it('/navigate sends the whole tab to another host', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.pages.navigate.href, { waitUntil: 'load' });
    await page.waitForURL(site.elsewhere.href, { timeout: 5000 });
    expect(site.hits.elsewhere.map((h) => h.path)).toContain('/');
    await context.close();
  });

  it('/download starts a download of an attachment by script', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const download = page.waitForEvent('download');
    await page.goto(site.pages.download.href, { waitUntil: 'load' });
    expect((await download).suggestedFilename()).toBe('angebot.pdf.exe');
    await context.close();
  });

  it('/lan requests 192.168.1.1 and another loopback host', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(site.pages.lan.href, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    expect(requests).toContain(LAN_ROUTER);
    expect(requests).toContain(site.lan.href);
    expect(site.hits.lan.map((h) => h.path).sort()).toEqual(['/', '/pixel.gif']);
    await context.close();
  });
});
