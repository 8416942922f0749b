import { describe, expect, it } from 'vitest';
import { findThirdPartyCalls } from '../../../electron/core/probes/analytics-calls';
import { tokenize } from '../../../electron/core/probes/js-tokens';
import { analyzeMtc, inferVersion, inferVersionLine, MARKER } from '../../../electron/core/probes/mtc-markers';
import { mtcDebugScript, mtcScript, type MtcLine } from '../../fixtures/mtc-scripts';

const calls = (src: string) => findThirdPartyCalls(tokenize(src).tokens);

describe('analyzeMtc over each Mautic line', () => {
  const expected: [MtcLine, string, boolean][] = [
    ['2.16', '2.8–2.16', true],
    ['3.3', '3.0–3.3', false],
    ['4.0', '4.0', false],
    ['4.4', '4.1–4.4', false],
    ['5.1', '5.0+', false],
  ];
  for (const [line, label, fingerprint] of expected) {
    it(`recognises ${line} as Mautic, line ${label}, fingerprint ${fingerprint}`, () => {
      const a = analyzeMtc(mtcScript(line));
      expect(a.mautic).toBe(true);
      expect(a.fingerprint).toBe(fingerprint);
      expect(a.truncated).toBe(false);
      expect(inferVersionLine(a.markers)?.label).toBe(label);
      expect(a.analytics).toEqual([]);
    });
  }

  it('finds the generic markers in every line', () => {
    for (const line of ['2.16', '3.3', '4.0', '4.4', '4.4.10', '5.1'] as const) {
      const { markers } = analyzeMtc(mtcScript(line));
      for (const m of [MARKER.mauticJs, MARKER.trackingObject, MARKER.trackingPixel, MARKER.eventDelivered, MARKER.contactCookie, MARKER.deviceCookie]) expect(markers, `${line} ${m}`).toContain(m);
    }
  });

  it('tells 4.4.10+ from the gtag snippet (printed only when GA is configured)', () => {
    const a = analyzeMtc(mtcScript('4.4.10', { ga: { id: 'G-ABC123', anonymize: true } }));
    expect(inferVersion(a.markers)).toEqual({
      line: { major: 4, min: '4.4.10', max: '4.4.x', label: '4.4.10–4.4', source: 'mtc.js' },
      decidedBy: ['no Fingerprint2', 'preferred_locale', 'resolvedOptions().timeZone', '"; path=/; secure"', 'googletagmanager.com/gtag/js', 'mtc_sid'],
    });
    expect(inferVersionLine(analyzeMtc(mtcScript('4.4.10')).markers)?.label).toBe('4.1–4.4');
  });

  it('names the markers that decided the 2.x and 5.x lines', () => {
    expect(inferVersion(analyzeMtc(mtcScript('2.16')).markers).decidedBy).toEqual(['Fingerprint2', 'fingerprintComponents', 'handleFingerprintInit']);
    expect(inferVersion(analyzeMtc(mtcScript('5.1')).markers).decidedBy).toEqual(['no Fingerprint2', 'preferred_locale', 'resolvedOptions().timeZone', 'no mtc_sid']);
  });

  it('reads the debug build by its code, not its comments', () => {
    const a = analyzeMtc(mtcDebugScript());
    expect(a.mautic).toBe(true);
    expect(a.fingerprint).toBe(false);
    expect(inferVersionLine(a.markers)?.label).toBe('4.1–4.4');
  });

  it('does not take Fingerprint2 from a comment or a minified script without it', () => {
    const a = analyzeMtc(`/* Fingerprint2 */${mtcScript('3.3')}// new Fingerprint2().get(`);
    expect(a.fingerprint).toBe(false);
    expect(analyzeMtc('var x="Fingerprint2 is mentioned";').fingerprint).toBe(false);
  });

  it('is not Mautic without MauticJS and a tracking identifier', () => {
    expect(analyzeMtc('var MauticJS={};').mautic).toBe(false);
    expect(analyzeMtc("document.cookie='mtc_id=1';").mautic).toBe(false);
    expect(analyzeMtc('<!doctype html><html><body>Not found</body></html>').mautic).toBe(false);
  });
});

describe('inferVersion edge cases', () => {
  it('gives no line without MauticJS or without enough markers', () => {
    expect(inferVersionLine([])).toBeNull();
    expect(inferVersionLine([MARKER.mauticJs, MARKER.trackingPixel])).toBeNull();
  });

  it('tells 1.4–2.7 (Fingerprint2 without fingerprintComponents)', () => {
    expect(inferVersionLine([MARKER.mauticJs, MARKER.fingerprint2])).toMatchObject({ major: 2, min: '1.4.0', max: '2.7.x', label: '1.4–2.7' });
  });

  it('tells 4.0–4.4 when the cookie literal is not there', () => {
    expect(inferVersionLine([MARKER.mauticJs, MARKER.preferredLocale, MARKER.sessionCookie])?.label).toBe('4.0–4.4');
  });

  it('prefers Fingerprint2 over later markers (a patched 2.x script)', () => {
    expect(inferVersionLine([MARKER.mauticJs, MARKER.fingerprint2, MARKER.preferredLocale])?.major).toBe(2);
  });
});

describe('Google Analytics and Facebook settings', () => {
  it('reads analytics.js create with and without anonymizeIp', () => {
    expect(analyzeMtc(mtcScript('4.4', { ga: { id: 'UA-1234-1', anonymize: false } })).analytics).toEqual([{ api: 'analytics.js', id: 'UA-1234-1', anonymized: false }]);
    expect(analyzeMtc(mtcScript('2.16', { ga: { id: 'UA-1234-1', anonymize: true } })).analytics).toEqual([{ api: 'analytics.js', id: 'UA-1234-1', anonymized: true }]);
  });

  it('reads gtag config with and without anonymize_ip', () => {
    expect(analyzeMtc(mtcScript('5.1', { ga: { id: 'G-XYZ', anonymize: false } })).analytics).toEqual([{ api: 'gtag.js', id: 'G-XYZ', anonymized: false }]);
    expect(analyzeMtc(mtcScript('5.1', { ga: { id: 'G-XYZ', anonymize: true } })).analytics).toEqual([{ api: 'gtag.js', id: 'G-XYZ', anonymized: true }]);
  });

  it('ignores ga("send") without create, and gtag configs that are not Analytics', () => {
    expect(calls("ga('send',{hitType:'event'});gtag('config','AW-123');gtag('config','DC-1')").analytics).toEqual([]);
  });

  it('reads the other ways to anonymise and minified booleans', () => {
    expect(calls("ga('create','UA-1-1',{anonymizeIp:!0})").analytics[0]!.anonymized).toBe(true);
    expect(calls("ga('create',{trackingId:'UA-2-1'});ga('set',{anonymizeIp:true})").analytics).toEqual([{ api: 'analytics.js', id: 'UA-2-1', anonymized: true }]);
    expect(calls("__gaTracker('create','UA-3-1','auto');__gaTracker('t2.set','anonymizeIp',true)").analytics[0]!.anonymized).toBe(true);
    expect(calls("gtag('set',{'anonymize_ip':true});gtag('config','G-1')").analytics[0]!.anonymized).toBe(true);
    expect(calls("gtag('config','G-1',{anonymize_ip:false})").analytics[0]!.anonymized).toBe(false);
    expect(calls("ga('create','UA-4-1','auto');ga('set','anonymizeIp',false)").analytics[0]!.anonymized).toBe(false);
  });

  it('reads legacy ga.js', () => {
    expect(calls("var _gaq=_gaq||[];_gaq.push(['_setAccount','UA-9-1']);_gaq.push(['_gat._anonymizeIp']);").analytics).toEqual([{ api: 'ga.js', id: 'UA-9-1', anonymized: true }]);
    expect(calls("_gaq.push(['_setAccount','UA-9-2'],['_trackPageview'])").analytics[0]!.anonymized).toBe(false);
  });

  it('does not count the function definition as a call', () => {
    expect(calls("function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-2')").analytics).toEqual([{ api: 'gtag.js', id: 'G-2', anonymized: false }]);
  });

  it('reads the Facebook Pixel and the personal fields Mautic sends for a known contact', () => {
    expect(analyzeMtc(mtcScript('4.4', { fb: { id: '111' } })).facebook).toEqual([{ id: '111', personalFields: [] }]);
    expect(analyzeMtc(mtcScript('4.4', { fb: { id: '111', contact: true } })).facebook).toEqual([{ id: '111', personalFields: ['ct', 'em', 'fn', 'ln'] }]);
    expect(calls("fbq('init','222',{em:'a@b.c',external_id:'7'})").facebook).toEqual([{ id: '222', personalFields: ['em', 'external_id'] }]);
  });
});
