import { describe, expect, it } from 'vitest';
import { loadTrackingList, parseTrackingList } from '../../../electron/core/checklist/tracking-load';
import { isMauticTracking, trackerOfName, trackerOfRequest } from '../../../electron/shared/tracking-match';

const shipped = loadTrackingList();

describe('the shipped tracking list', () => {
  it('names the common trackers by host and path prefix', () => {
    expect(trackerOfRequest(shipped, 'https://www.google-analytics.com/g/collect?v=2', 'mautic.example.de')).toBe('Google Analytics');
    expect(trackerOfRequest(shipped, 'https://www.facebook.com/tr?id=1&ev=PageView', 'mautic.example.de')).toBe('Meta Pixel');
    expect(trackerOfRequest(shipped, 'https://www.facebook.com/privacy', 'mautic.example.de')).toBeNull();
    expect(trackerOfRequest(shipped, 'https://fonts.gstatic.com/s/x.woff2', 'mautic.example.de')).toBeNull();
  });
  it('counts Mautic on its own host and its script paths on any host as Mautic', () => {
    expect(trackerOfRequest(shipped, 'https://mautic.example.de/mtc/event', 'mautic.example.de')).toBe('Mautic');
    expect(isMauticTracking(shipped, 'https://cdn.other.de/mtc.js', 'mautic.example.de')).toBe(true);
    expect(isMauticTracking(shipped, 'https://www.example.de/mtc', 'mautic.example.de')).toBe(false);
    expect(isMauticTracking(shipped, 'https://mautic.example.de/s/login', 'mautic.example.de')).toBe(false);
  });
  it('names tracking cookies with wildcards, and not others', () => {
    expect(trackerOfName(shipped, '_ga')).toBe('Google Analytics');
    expect(trackerOfName(shipped, '_ga_ABC123')).toBe('Google Analytics 4');
    expect(trackerOfName(shipped, 'mtc_id')).toBe('Mautic contact id');
    expect(trackerOfName(shipped, '_fbp')).toBe('Meta Pixel');
    expect(trackerOfName(shipped, 'PHPSESSID')).toBeNull();
    expect(trackerOfName(shipped, 'consent')).toBeNull();
  });
});

describe('an own tracking list', () => {
  it('is read with its entries', () => {
    const list = parseTrackingList('format: 1\nhosts:\n  - { host: stats.example.org/hit, name: Own stats }\ncookies:\n  - { pattern: own_*, name: Own }\nmauticPaths: [/mtc.js]\n', 'own.yaml');
    expect(trackerOfRequest(list, 'https://stats.example.org/hit?x=1', 'm.example.de')).toBe('Own stats');
    expect(trackerOfName(list, 'own_id')).toBe('Own');
  });
  it('is refused with file and line when broken', () => {
    expect(() => parseTrackingList('format: 1\nhosts:\n  - { host: "bad host", name: X }\ncookies: []\nmauticPaths: []\n', 'own.yaml')).toThrow(/own\.yaml:3/);
    expect(() => parseTrackingList('format: 1\nhosts: [\n', 'own.yaml')).toThrow(/invalid YAML/);
  });
});
