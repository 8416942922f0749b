import { describe, expect, it } from 'vitest';
import { findPolicyLink } from '../../../electron/core/probes/privacy-link';
import { pageLinkingTo } from '../../fixtures/privacy-policies';

const PAGE = 'https://www.example.de/angebot/newsletter.html';

describe('findPolicyLink', () => {
  it('finds the footer link and skips the consent manager\'s settings link', () => {
    expect(findPolicyLink(pageLinkingTo('/datenschutz/'), PAGE)).toEqual({ url: 'https://www.example.de/datenschutz/', text: 'Datenschutzerklärung' });
  });

  it('prefers a link whose text names the policy over one whose URL does', () => {
    const html = '<a href="/gdpr-request">Anfrage stellen</a><a href="https://legal.example.com/p?id=7">Privacy Policy</a>';
    expect(findPolicyLink(html, PAGE)).toEqual({ url: 'https://legal.example.com/p?id=7', text: 'Privacy Policy' });
  });

  it('takes a link by its URL when no text names the policy', () => {
    expect(findPolicyLink('<a href="impressum">Impressum</a><a href="privacy-policy"><img alt=""></a>', PAGE)).toEqual({ url: 'https://www.example.de/angebot/privacy-policy', text: '' });
  });

  it('resolves against <base href>, decodes entities and reads aria-label', () => {
    const html = '<base href="https://cdn.example.de/site/"><a href="legal?a=1&amp;b=data-protection" aria-label="Data protection notice"><svg></svg></a>';
    expect(findPolicyLink(html, PAGE)).toEqual({ url: 'https://cdn.example.de/site/legal?a=1&b=data-protection', text: 'Data protection notice' });
  });

  it('skips javascript:, mailto: and links to the page itself', () => {
    const html = `<a href="javascript:openPrivacy()">Datenschutz</a><a href="mailto:datenschutz@example.de">Datenschutz</a>
      <a href="#datenschutz">Datenschutz</a><a href="${PAGE}#top">Datenschutzhinweise</a>`;
    expect(findPolicyLink(html, PAGE)).toBeNull();
  });

  it('ignores link text hidden in scripts and returns null without a policy link', () => {
    expect(findPolicyLink('<a href="/kontakt">Kontakt<script>"Datenschutz"</script></a><p>Datenschutz</p>', PAGE)).toBeNull();
  });
});
