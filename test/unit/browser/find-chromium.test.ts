import { describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium } from '../../../electron/core/browser/find-chromium';

describe('finding the system browser', () => {
  it('knows where Chrome, Chromium and Edge install on each platform', () => {
    expect(chromiumCandidates('linux', {})).toContain('/usr/bin/chromium');
    expect(chromiumCandidates('darwin', { HOME: '/Users/a' })).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(chromiumCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' })).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(chromiumCandidates('win32', { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' })).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
  });
  it('prefers PRUEFSTAND_BROWSER, then the first that exists, else none', () => {
    expect(findChromium({ PRUEFSTAND_BROWSER: '/opt/x/chrome' }, () => false)).toBe('/opt/x/chrome');
    const only = chromiumCandidates()[2]!;
    expect(findChromium({}, (f) => f === only)).toBe(only);
    expect(findChromium({}, () => false)).toBeNull();
  });
});
