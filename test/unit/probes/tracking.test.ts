import { describe, expect, it } from 'vitest';
import { auditTarget } from '../../../electron/core/audit/target';
import { externalReferer, NEUTRAL_REFERER } from '../../../electron/core/probes/tracking';

describe('externalReferer', () => {
  const target = (landingPages: string[]) => auditTarget({ baseUrl: 'https://mautic.example.org/m/', landingPages });

  it('uses the first landing page on another origin than the installation', () => {
    expect(externalReferer(target(['https://mautic.example.org/m/lp', 'https://www.example.com/a', 'https://www.example.com/b']))).toBe('https://www.example.com/a');
  });

  it('falls back to a neutral external page', () => {
    expect(externalReferer(target([]))).toBe(NEUTRAL_REFERER);
    expect(externalReferer(target(['https://mautic.example.org/landing']))).toBe(NEUTRAL_REFERER);
    expect(new URL(NEUTRAL_REFERER).hostname).not.toBe('mautic.example.org');
  });
});
