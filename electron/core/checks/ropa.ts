// Records of processing (Art. 30): an activity for Mautic, its legal basis, and the mail service it uses.
import type { Finding } from '../../shared/domain';
import type { Activity } from '../../shared/registers';
import { finding } from './outcome';
import { configEvidence, mailServiceOf, mauticActivities, namesAny, processorNamingHost, REGISTERS_COMMON, registersCheck, type Registers } from './registers-common';
import { MAIL_WORDS, MAUTIC_WORDS, SPECIAL_CATEGORY_WORDS } from './registers-vocabulary';
import { siteOf } from './third-party-names';
import { defineCheck } from './types';
import { processorForVendor, vendorNames } from './vendor-match';

const names = (activities: Activity[]) => activities.map((a) => a.activity);

export const ropaMauticEntry = defineCheck({
  id: 'ropa.mautic-entry',
  probes: ['registers'],
  codes: ['mautic-activity', 'mautic-activity-missing', ...REGISTERS_COMMON],
  evaluate: ({ registers: probe }) =>
    registersCheck(probe, ({ snapshot }) => {
      const found = mauticActivities(snapshot, MAUTIC_WORDS);
      const findings = found.length
        ? [finding('mautic-activity', 'pass', { activities: names(found) })]
        : [finding('mautic-activity-missing', 'fail', { count: snapshot.activities.length })];
      return { findings, evidence: [] };
    }),
});

export const ropaLegalBasis = defineCheck({
  id: 'ropa.legal-basis',
  probes: ['registers'],
  codes: ['legal-basis-stated', 'legal-basis-missing', 'legal-basis-no-activity', 'special-basis-missing', ...REGISTERS_COMMON],
  evaluate: ({ registers: probe }) =>
    registersCheck(probe, ({ snapshot }) => {
      const found = mauticActivities(snapshot, MAUTIC_WORDS);
      if (!found.length) return { findings: [finding('legal-basis-no-activity', 'fail')], evidence: [] };
      const findings: Finding[] = [];
      for (const a of found) {
        findings.push(a.legalBasis ? finding('legal-basis-stated', 'pass', { activity: a.activity, basis: a.legalBasis }) : finding('legal-basis-missing', 'fail', { activity: a.activity }));
        // Special categories need an Art. 9(2) exception besides the Art. 6 basis.
        if (a.specialBasis === null && SPECIAL_CATEGORY_WORDS.test(a.dataCategories)) {
          findings.push(finding('special-basis-missing', 'warn', { activity: a.activity, categories: a.dataCategories }));
        }
      }
      return { findings, evidence: [] };
    }),
});

/** Where the register records a service by these names: an activity's recipients (or text) or a processor. */
function recordedAs(r: Registers, known: Set<string>, host: string | null): string | null {
  const activity = r.snapshot.activities.find((a) => namesAny(`${a.recipients}\n${a.activity}\n${a.purposes}`, known) || (host !== null && a.recipients.toLowerCase().includes(host)));
  if (activity) return activity.activity;
  const processor = r.snapshot.processors.find((p) => namesAny(p.name, known)) ?? (host ? processorNamingHost(r.snapshot, host, siteOf(host)) : null);
  return processor?.name ?? null;
}

export const ropaMailService = defineCheck({
  id: 'ropa.mail-service',
  probes: ['registers', 'mautic-config'],
  codes: ['mail-service-recorded', 'mail-service-missing', 'mail-service-local', 'mail-service-activity', 'mail-service-unconfirmed', 'mail-service-not-literal', 'mail-service-none', ...REGISTERS_COMMON],
  evaluate: ({ registers: probe, 'mautic-config': config }) =>
    registersCheck(probe, (r) => {
      const service = mailServiceOf(config, r.vendors);
      const mailActivities = r.snapshot.activities.filter((a) => MAIL_WORDS.test(`${a.activity}\n${a.purposes}\n${a.recipients}`));
      const evidence = configEvidence(config);
      if (service.kind === 'vendor' || service.kind === 'host') {
        const host = service.kind === 'host' ? service.host : null;
        const known = service.kind === 'vendor' ? vendorNames(service.vendor) : new Set<string>();
        const where = service.kind === 'vendor' ? (recordedAs(r, known, null) ?? processorForVendor(r.snapshot, service.vendor)?.name ?? null) : recordedAs(r, known, host);
        const name = service.kind === 'vendor' ? `${service.vendor.name} (${service.vendor.company})` : service.host;
        return { findings: [where ? finding('mail-service-recorded', 'pass', { service: service.service, name, where }) : finding('mail-service-missing', 'fail', { service: service.service, name })], evidence };
      }
      if (!mailActivities.length) return { findings: [finding('mail-service-none', 'fail')], evidence };
      const activities = names(mailActivities);
      if (service.kind === 'local') return { findings: [finding('mail-service-local', 'pass', { service: service.service, activities })], evidence };
      // Without the config the register cannot be held against the real transport: it is recorded, unconfirmed.
      const findings = [finding('mail-service-activity', 'pass', { activities })];
      findings.push(service.kind === 'not-literal' ? finding('mail-service-not-literal', 'warn', { key: service.key }) : finding('mail-service-unconfirmed', 'warn'));
      return { findings, evidence };
    }),
});

export const ROPA_CHECKS = [ropaMauticEntry, ropaLegalBasis, ropaMailService];
