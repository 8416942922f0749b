import type { BannerObservation, ConsentButton } from '../../shared/consent';
import { ACCEPT_LABELS, CMP_BUTTONS, REJECT_LABELS, type CmpButtons } from './cmp-buttons';

export interface FoundButton extends ConsentButton {
  /** Centre of the button in viewport coordinates, after it was scrolled into view. */
  x: number;
  y: number;
}

export interface BannerScan {
  cmp: BannerObservation['cmp'];
  accept: FoundButton | null;
  reject: FoundButton | null;
}

// This file has no DOM types (core is Node code); the page's objects are loosely typed here on purpose.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
type Element = any;
type Document = any;
type ShadowRoot = any;
declare const HTMLIFrameElement: any;
type HTMLElement = any;
type HTMLInputElement = any;

interface ScanInput {
  cmps: readonly CmpButtons[];
  accept: readonly string[];
  reject: readonly string[];
}

/**
 * Runs inside the visited page, in an isolated world of our own (the page's scripts cannot see or change it):
 * walks the document, its open shadow roots and same-origin frames for the banner's buttons. Self-contained:
 * it is sent to the browser as source text.
 */
function scanBanner(input: ScanInput, scrollTo: 'accept' | 'reject' | null): BannerScan {
  type Root = { root: Document | ShadowRoot; dx: number; dy: number };
  const roots: Root[] = [];
  const walk = (root: Document | ShadowRoot, dx: number, dy: number, depth: number) => {
    if (depth > 6 || roots.length > 200) return;
    roots.push({ root, dx, dy });
    for (const el of Array.from(root.querySelectorAll('*')) as Element[]) {
      if (el.shadowRoot) walk(el.shadowRoot, dx, dy, depth + 1);
      if (el instanceof HTMLIFrameElement) {
        try {
          const doc = el.contentDocument;
          const r = el.getBoundingClientRect();
          if (doc) walk(doc, dx + r.left, dy + r.top, depth + 1);
        } catch {
          // a cross-origin frame: not readable from here
        }
      }
    }
  };
  walk(document, 0, 0, 0);
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;
    const style = (el.ownerDocument.defaultView ?? window).getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0.05;
  };
  const text = (el: Element) => ((el as HTMLElement).innerText || (el as HTMLInputElement).value || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim();
  const norm = (s: string) => s.toLowerCase().replace(/^[\s"'„“»«!.:…>-]+|[\s"'„“»«!.:…>-]+$/g, '');
  type Hit = { el: Element; dx: number; dy: number; by: 'cmp' | 'label'; selector: string };
  const found = (el: Element, dx: number, dy: number, by: 'cmp' | 'label', selector: string): Hit => ({ el, dx, dy, by, selector });
  const place = (hit: Hit | null, scroll: boolean): FoundButton | null => {
    if (!hit) return null;
    if (scroll) hit.el.scrollIntoView({ block: 'center', inline: 'center' });
    const r = hit.el.getBoundingClientRect();
    return { by: hit.by, selector: hit.selector, text: text(hit.el).slice(0, 120), x: Math.round(hit.dx + r.left + r.width / 2), y: Math.round(hit.dy + r.top + r.height / 2) };
  };
  const bySelectors = (selectors: readonly string[]) => {
    for (const selector of selectors) {
      for (const { root, dx, dy } of roots) {
        for (const el of Array.from(root.querySelectorAll(selector)) as Element[]) if (visible(el)) return found(el, dx, dy, 'cmp', selector);
      }
    }
    return null;
  };
  const BANNERISH = /cookie|consent|cmp|privacy|gdpr|dsgvo|datenschutz|banner|notice|einwillig/i;
  const inBanner = (el: Element) => {
    for (let e: Element | null = el, i = 0; e && i < 12; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null), i++) {
      if (BANNERISH.test(`${e.id} ${typeof e.className === 'string' ? e.className : ''} ${e.getAttribute('aria-label') ?? ''}`)) return true;
      if (e.getAttribute('role') === 'dialog' || e.getAttribute('aria-modal') === 'true' || e.tagName === 'DIALOG') return true;
      const position = (e.ownerDocument.defaultView ?? window).getComputedStyle(e).position;
      if (position === 'fixed' || position === 'sticky') return true;
    }
    return false;
  };
  const byLabels = (labels: readonly string[]) => {
    const wanted = new Set(labels);
    for (const { root, dx, dy } of roots) {
      for (const el of Array.from(root.querySelectorAll('button, a, [role="button"], input[type="button"], input[type="submit"]')) as Element[]) {
        const label = norm(text(el));
        if (wanted.has(label) && visible(el) && inBanner(el)) return found(el, dx, dy, 'label', label);
      }
    }
    return null;
  };
  const present = (selectors: readonly string[]) => roots.some(({ root }) => selectors.some((s) => root.querySelector(s)));
  const cmp = input.cmps.find((c) => present(c.detect)) ?? null;
  const ordered = cmp ? [cmp, ...input.cmps.filter((c) => c !== cmp)] : input.cmps;
  const accept = bySelectors(ordered.flatMap((c) => c.accept)) ?? byLabels(input.accept);
  const reject = bySelectors(ordered.flatMap((c) => c.reject)) ?? byLabels(input.reject);
  return { cmp: cmp ? { id: cmp.id, name: cmp.name } : null, accept: place(accept, scrollTo === 'accept'), reject: place(reject, scrollTo === 'reject') };
}

/** The expression that scans the page, with the shipped buttons and labels as its data. */
export function bannerScanExpression(scrollTo: 'accept' | 'reject' | null = null): string {
  const input: ScanInput = { cmps: CMP_BUTTONS, accept: ACCEPT_LABELS, reject: REJECT_LABELS };
  return `(${scanBanner.toString()})(${JSON.stringify(input)}, ${JSON.stringify(scrollTo)})`;
}

export const STORAGE_KEYS_EXPRESSION = `(() => { const keys = (s) => { try { return Object.keys(s).slice(0, 500); } catch { return []; } }; return { local: keys(window.localStorage), session: keys(window.sessionStorage) }; })()`;
