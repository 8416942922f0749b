import { describe, expect, it } from 'vitest';
import { dpaCoverage, dpaReviewDue, dpaTransfers } from '../../../electron/core/checks/dpa';
import { ropaLegalBasis, ropaMailService, ropaMauticEntry } from '../../../electron/core/checks/ropa';
import type { Finding } from '../../../electron/shared/domain';
import { activity, config, landing, landingPage, php, processor, registers, snapshot } from './registers-fixture';

const codes = (o: { findings: Finding[] }) => o.findings.map((f) => `${f.code}:${f.status}`);
const paramsOf = (o: { findings: Finding[] }, code: string) => o.findings.find((f) => f.code === code)?.params;

const HOSTER = processor({ name: 'Hetzner Online GmbH', service: 'Hosting des Mautic-Servers' });
const MAUTIC = activity({ activity: 'E-Mail-Marketing mit Mautic', purposes: 'Newsletter, Lead-Scoring', recipients: 'Hetzner Online GmbH (Hosting)' });

describe('without registers every ropa.* and dpa.* check is manual', () => {
  it.each([
    ['ropa.mautic-entry', () => ropaMauticEntry.evaluate({ registers: registers(null) })],
    ['ropa.legal-basis', () => ropaLegalBasis.evaluate({ registers: registers(null) })],
    ['ropa.mail-service', () => ropaMailService.evaluate({ registers: registers(null), 'mautic-config': config(null) })],
    ['dpa.coverage', () => dpaCoverage.evaluate({ registers: registers(null), 'landing-pages': landing([]), 'mautic-config': config(null) })],
    ['dpa.transfers', () => dpaTransfers.evaluate({ registers: registers(null) })],
    ['dpa.review-due', () => dpaReviewDue.evaluate({ registers: registers(null) })],
  ])('%s', (_id, run) => {
    const o = run();
    expect(o.status).toBe('manual');
    expect(codes(o)).toEqual(['registers-not-given:manual']);
  });

  it('a failed registers probe is an error, never a pass', () => {
    const o = ropaMauticEntry.evaluate({ registers: { ok: false, error: { code: 'internal', message: 'boom' }, evidence: [] } });
    expect(o.status).toBe('error');
  });
});

describe('ropa.mautic-entry', () => {
  it('passes when an activity names Mautic or marketing automation, in any field', () => {
    expect(ropaMauticEntry.evaluate({ registers: registers(snapshot([HOSTER], [MAUTIC])) }).status).toBe('pass');
    const byPurpose = activity({ activity: 'Interessentenpflege', purposes: 'Marketing-Automation und Newsletter' });
    const o = ropaMauticEntry.evaluate({ registers: registers(snapshot([], [byPurpose])) });
    expect(codes(o)).toEqual(['mautic-activity:pass']);
    expect(paramsOf(o, 'mautic-activity')).toEqual({ activities: ['Interessentenpflege'] });
    expect(o.evidence).toEqual(['sha-registers']);
  });

  it('fails when no activity names Mautic', () => {
    const o = ropaMauticEntry.evaluate({ registers: registers(snapshot([], [activity({ activity: 'Lohnbuchhaltung' }), activity({ activity: 'Automatisierte Marketing-Analyse' })])) });
    expect(codes(o)).toEqual(['mautic-activity-missing:fail']);
    expect(paramsOf(o, 'mautic-activity-missing')).toEqual({ count: 2 });
  });
});

describe('ropa.legal-basis', () => {
  it('passes with the letter of each Mautic activity', () => {
    const o = ropaLegalBasis.evaluate({ registers: registers(snapshot([], [MAUTIC])) });
    expect(codes(o)).toEqual(['legal-basis-stated:pass']);
    expect(paramsOf(o, 'legal-basis-stated')).toEqual({ activity: 'E-Mail-Marketing mit Mautic', basis: 'a' });
  });

  it('fails for a Mautic activity without a basis, and when there is none', () => {
    const without = activity({ activity: 'Tracking mit Mautic', legalBasis: null });
    expect(codes(ropaLegalBasis.evaluate({ registers: registers(snapshot([], [MAUTIC, without])) }))).toEqual(['legal-basis-stated:pass', 'legal-basis-missing:fail']);
    expect(codes(ropaLegalBasis.evaluate({ registers: registers(snapshot([], [activity({ activity: 'Buchhaltung' })])) }))).toEqual(['legal-basis-no-activity:fail']);
  });

  it('warns for special categories without an Art. 9(2) exception', () => {
    const health = activity({ activity: 'Mautic: Patientennewsletter', dataCategories: 'Name, E-Mail, Gesundheitsdaten' });
    const o = ropaLegalBasis.evaluate({ registers: registers(snapshot([], [health])) });
    expect(o.status).toBe('warn');
    expect(codes(o)).toEqual(['legal-basis-stated:pass', 'special-basis-missing:warn']);
    const excepted = { ...health, specialBasis: 'a' as const };
    expect(ropaLegalBasis.evaluate({ registers: registers(snapshot([], [excepted])) }).status).toBe('pass');
  });
});

describe('ropa.mail-service', () => {
  const ses = config(php({ mailer_dsn: 'ses+smtp://KEY:SECRET@default?region=eu-west-1' }));
  const aws = processor({ name: 'Amazon Web Services EMEA SARL', service: 'E-Mail-Versand (SES)', country: 'LU' });

  it('passes when the mail service of the config is a processor or a recipient', () => {
    const o = ropaMailService.evaluate({ registers: registers(snapshot([HOSTER, aws], [MAUTIC])), 'mautic-config': ses });
    expect(codes(o)).toEqual(['mail-service-recorded:pass']);
    expect(paramsOf(o, 'mail-service-recorded')).toMatchObject({ service: 'mailer_dsn ses+smtp://default', where: 'Amazon Web Services EMEA SARL' });
    expect(o.evidence).toEqual(['sha-registers', 'sha-php', 'sha-json']);
    const asRecipient = activity({ activity: 'Newsletter', recipients: 'Amazon SES (AWS)' });
    expect(ropaMailService.evaluate({ registers: registers(snapshot([HOSTER], [asRecipient])), 'mautic-config': ses }).status).toBe('pass');
  });

  it('fails when the service the config names is recorded nowhere', () => {
    const o = ropaMailService.evaluate({ registers: registers(snapshot([HOSTER], [MAUTIC])), 'mautic-config': ses });
    expect(codes(o)).toEqual(['mail-service-missing:fail']);
    expect(paramsOf(o, 'mail-service-missing')).toMatchObject({ name: 'Amazon Web Services (incl. Amazon SES, CloudFront, S3) (Amazon Web Services EMEA SARL)' });
    // Names count as whole words: a travel agency called Amazonas is not Amazon.
    const lookalike = activity({ activity: 'Newsletter', recipients: 'Amazonas Reisen GmbH' });
    expect(ropaMailService.evaluate({ registers: registers(snapshot([HOSTER], [lookalike])), 'mautic-config': ses }).status).toBe('fail');
  });

  it('matches an own SMTP host against recipients and processors', () => {
    const own = config(php({ mailer_dsn: 'smtp://user:pass@smtp.example.com:587' }));
    const mailer = processor({ name: 'Example Mail GmbH', service: 'SMTP-Relay', notes: 'smtp.example.com' });
    expect(ropaMailService.evaluate({ registers: registers(snapshot([HOSTER, mailer], [MAUTIC])), 'mautic-config': own }).status).toBe('pass');
    const o = ropaMailService.evaluate({ registers: registers(snapshot([HOSTER], [MAUTIC])), 'mautic-config': own });
    expect(codes(o)).toEqual(['mail-service-missing:fail']);
    expect(paramsOf(o, 'mail-service-missing')).toMatchObject({ name: 'smtp.example.com' });
  });

  it('without config decides from the registers alone: an e-mail activity warns (unconfirmed), none fails', () => {
    const o = ropaMailService.evaluate({ registers: registers(snapshot([HOSTER], [MAUTIC])), 'mautic-config': config(null) });
    expect(codes(o)).toEqual(['mail-service-activity:pass', 'mail-service-unconfirmed:warn']);
    expect(o.status).toBe('warn');
    const none = ropaMailService.evaluate({ registers: registers(snapshot([HOSTER], [activity({ activity: 'Lead-Scoring in Mautic' })])), 'mautic-config': config(null) });
    expect(codes(none)).toEqual(['mail-service-none:fail']);
  });

  it('local delivery passes with an e-mail activity', () => {
    const local = config(php({ mailer_dsn: 'smtp://localhost:25' }));
    expect(codes(ropaMailService.evaluate({ registers: registers(snapshot([HOSTER], [MAUTIC])), 'mautic-config': local }))).toEqual(['mail-service-local:pass']);
  });
});

describe('dpa.coverage', () => {
  const GOOGLE = processor({ name: 'Google Ireland Limited', service: 'Google Fonts, Analytics', country: 'IE', transferBasis: 'dpf' });
  const page = landingPage(
    'https://www.example.org/angebot',
    `<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto"><script src="https://connect.facebook.net/en_US/fbevents.js"></script><script src="https://mautic.example.org/mtc.js"></script></head></html>`,
  );

  it('fails naming the host and the page of a third party with no processor (only Google registered)', () => {
    const o = dpaCoverage.evaluate({ registers: registers(snapshot([HOSTER, GOOGLE])), 'landing-pages': landing([page]), 'mautic-config': config(null) });
    expect(o.status).toBe('fail');
    expect(codes(o)).toEqual(['dpa-processor-missing:fail']);
    expect(paramsOf(o, 'dpa-processor-missing')).toEqual({ vendor: 'Meta (Facebook, Instagram, Meta Pixel)', company: 'Meta Platforms Ireland Limited', hosts: ['connect.facebook.net'], pages: ['https://www.example.org/angebot'] });
    expect(o.evidence).toEqual(['sha-registers', page.evidence[0]]);
  });

  it('passes when every host and the mail service have a processor with a DPA', () => {
    const meta = processor({ name: 'Facebook', service: 'Meta Pixel', country: 'IE' });
    const brevo = processor({ name: 'Sendinblue SAS', service: 'E-Mail-Versand', country: 'FR' });
    const mail = config(php({ mailer_dsn: 'brevo+api://KEY@default' }));
    const o = dpaCoverage.evaluate({ registers: registers(snapshot([HOSTER, GOOGLE, meta, brevo])), 'landing-pages': landing([page]), 'mautic-config': mail });
    expect(codes(o)).toEqual(['dpa-covered:pass']);
    expect(paramsOf(o, 'dpa-covered')).toMatchObject({ count: 4 });
  });

  it('fails for the mail service without a processor, and for an unknown host no processor names', () => {
    const mail = config(php({ mailer_transport: 'smtp', mailer_host: 'smtp.sendgrid.net' }));
    const odd = landingPage('https://www.example.org/', '<script src="https://widgets.unknown-vendor.example/w.js"></script>');
    const o = dpaCoverage.evaluate({ registers: registers(snapshot([HOSTER])), 'landing-pages': landing([odd]), 'mautic-config': mail });
    expect(codes(o)).toEqual(['dpa-mail-processor-missing:fail', 'dpa-host-no-processor:fail']);
    expect(paramsOf(o, 'dpa-host-no-processor')).toEqual({ host: 'widgets.unknown-vendor.example', pages: ['https://www.example.org/'] });
    // The host named in a processor's notes covers it.
    const named = processor({ name: 'Widget AG', service: 'Bewertungs-Widget', notes: 'lädt von unknown-vendor.example' });
    const sendgrid = processor({ name: 'Twilio Inc.', service: 'E-Mail-Versand', country: 'US', transferBasis: 'dpf' });
    expect(dpaCoverage.evaluate({ registers: registers(snapshot([HOSTER, named, sendgrid])), 'landing-pages': landing([odd]), 'mautic-config': mail }).status).toBe('pass');
  });

  it('fails for a processor without a signed DPA, warns for a missing document and a missing hoster', () => {
    const unsigned = processor({ name: 'Backup AG', service: 'Backup', dpaSignedOn: null, dpaDocument: null });
    const undocumented = processor({ name: 'Mail GmbH', service: 'E-Mail-Versand', dpaDocument: null });
    const o = dpaCoverage.evaluate({ registers: registers(snapshot([unsigned, undocumented])), 'landing-pages': landing([]), 'mautic-config': config(null) });
    expect(codes(o)).toEqual(['dpa-not-signed:fail', 'dpa-document-missing:warn', 'dpa-no-hoster:warn']);
    expect(paramsOf(o, 'dpa-not-signed')).toEqual({ processor: 'Backup AG', service: 'Backup' });
    const warnOnly = dpaCoverage.evaluate({ registers: registers(snapshot([undocumented])), 'landing-pages': landing([]), 'mautic-config': config(null) });
    expect(warnOnly.status).toBe('warn');
    // A hosting vendor of the catalogue counts as the hoster, whatever its service says.
    const hetzner = processor({ name: 'Hetzner', service: 'Vertrag 2024' });
    expect(codes(dpaCoverage.evaluate({ registers: registers(snapshot([hetzner])), 'landing-pages': landing([]), 'mautic-config': config(null) }))).toEqual(['dpa-covered:pass']);
  });
});

describe('dpa.transfers', () => {
  const run = (...processors: ReturnType<typeof processor>[]) => dpaTransfers.evaluate({ registers: registers(snapshot(processors)) });

  it('passes for EEA processors and third-country ones with a basis', () => {
    const o = run(HOSTER, processor({ name: 'Cloudflare, Inc.', country: 'US', transferBasis: 'dpf' }), processor({ name: 'Salesforce', country: 'US', transferBasis: 'bcr' }));
    expect(codes(o)).toEqual(['transfers-safeguarded:pass']);
    expect(paramsOf(o, 'transfers-safeguarded')).toEqual({ count: 3, outside: 2 });
  });

  it('fails for a third-country processor with no basis or none, using the catalogue country when the register lacks one', () => {
    const o = run(processor({ name: 'The Rocket Science Group LLC', country: '', transferBasis: null }), processor({ name: 'Some Offshore Ltd', country: 'IN', transferBasis: 'none' }));
    expect(codes(o)).toEqual(['transfer-basis-missing:fail', 'transfer-basis-missing:fail']);
    expect(paramsOf(o, 'transfer-basis-missing')).toEqual({ processor: 'The Rocket Science Group LLC', country: 'US', usual: 'dpf' });
  });

  it('warns for DPF outside the US, an unrecorded adequacy decision and an unknown country', () => {
    const o = run(processor({ name: 'Indian Mail Pvt', country: 'IN', transferBasis: 'dpf' }), processor({ name: 'OneTrust Technology Limited', country: 'GB' }), processor({ name: 'Niemand', country: '' }));
    expect(codes(o)).toEqual(['transfer-dpf-not-us:warn', 'transfer-adequacy-not-recorded:warn', 'transfer-country-unknown:warn']);
    // DPF recorded for an EEA processor is about its onward transfers: no finding.
    expect(run(processor({ name: 'Google Ireland Limited', country: 'IE', transferBasis: 'dpf' })).status).toBe('pass');
  });

  it('is not applicable without processors', () => {
    expect(run().status).toBe('not_applicable');
  });
});

describe('dpa.review-due', () => {
  const run = (...processors: ReturnType<typeof processor>[]) => dpaReviewDue.evaluate({ registers: registers(snapshot(processors)) });

  it('compares with the audit date of the observation, not the clock', () => {
    // AUDIT_AT is 2026-06-15: a review on 2026-06-14 is past due then, one on the audit day is not.
    const o = run(processor({ name: 'A', nextReviewOn: '2026-06-14' }), processor({ name: 'B', nextReviewOn: '2026-06-15' }));
    expect(codes(o)).toEqual(['review-overdue:warn']);
    expect(paramsOf(o, 'review-overdue')).toEqual({ processor: 'A', due: '2026-06-14', today: '2026-06-15' });
  });

  it('warns for a missing date and passes when all are in the future', () => {
    expect(codes(run(processor({ name: 'A', nextReviewOn: null })))).toEqual(['review-date-missing:warn']);
    const o = run(processor({ name: 'A', nextReviewOn: '2027-03-01' }), processor({ name: 'B', nextReviewOn: '2026-09-01' }));
    expect(codes(o)).toEqual(['reviews-scheduled:pass']);
    expect(paramsOf(o, 'reviews-scheduled')).toEqual({ count: 2, next: '2026-09-01', today: '2026-06-15' });
    expect(run().status).toBe('not_applicable');
  });
});
