// Processor agreements (Art. 28) and transfers (Art. 44–46): every service the audit saw in use has a processor
// with a signed DPA in the register; transfers out of the EU/EEA have a basis; reviews are not past due.
import type { Finding } from '../../shared/domain';
import type { Processor } from '../../shared/registers';
import { ADEQUACY_COUNTRIES, EEA_COUNTRIES, type Vendor } from '../../shared/vendors';
import { firstParty, reached, thirdPartyHost } from './landing-common';
import { causeOf, errorFinding, finding } from './outcome';
import { configEvidence, mailServiceOf, processorNamingHost, REGISTERS_COMMON, registersCheck, vendorOfProcessor, type Registers } from './registers-common';
import { HOSTING_WORDS } from './registers-vocabulary';
import { siteOf } from './third-party-names';
import { defineCheck } from './types';
import { processorForVendor, vendorForHost } from './vendor-match';
import type { LandingProbe } from './landing-common';

interface Use {
  hosts: Set<string>;
  pages: Set<string>;
  /** The mail service (mailer keys) when the config names this service. */
  mail: string | null;
  evidence: string[];
}

const newUse = (): Use => ({ hosts: new Set(), pages: new Set(), mail: null, evidence: [] });

/** The third-party hosts the landing pages loaded, each with the pages it was seen on and their evidence. */
function hostsSeen(probe: LandingProbe): Map<string, Use> {
  const hosts = new Map<string, Use>();
  if (!probe.ok) return hosts;
  for (const page of probe.data.pages.filter(reached)) {
    const own = firstParty(page, probe.data);
    for (const r of page.resources) {
      const host = thirdPartyHost(r, own);
      if (!host) continue;
      const use = hosts.get(host) ?? newUse();
      use.hosts.add(host);
      if (!use.pages.has(page.url)) use.evidence.push(...page.evidence);
      use.pages.add(page.url);
      hosts.set(host, use);
    }
  }
  return hosts;
}

function merge(into: Use, from: Use) {
  for (const h of from.hosts) into.hosts.add(h);
  for (const p of from.pages) into.pages.add(p);
  into.evidence.push(...from.evidence);
}

const sorted = (s: Set<string>) => [...s].sort();

function isHoster(r: Registers, p: Processor): boolean {
  return HOSTING_WORDS.test(p.service) || vendorOfProcessor(r.vendors, p)?.category === 'hosting';
}

export const dpaCoverage = defineCheck({
  id: 'dpa.coverage',
  probes: ['registers', 'landing-pages', 'mautic-config'],
  codes: ['dpa-covered', 'dpa-processor-missing', 'dpa-mail-processor-missing', 'dpa-host-no-processor', 'dpa-not-signed', 'dpa-document-missing', 'dpa-no-hoster', 'dpa-landing-error', 'dpa-no-processors', ...REGISTERS_COMMON],
  evaluate: ({ registers: probe, 'landing-pages': landing, 'mautic-config': config }) =>
    registersCheck(probe, (r) => {
      const findings: Finding[] = [];
      const evidence: string[] = [];
      if (!landing.ok) findings.push(errorFinding('dpa-landing-error', causeOf(landing.error), { error: landing.error.message }));
      // Group what was seen by vendor; hosts the catalogue does not know stand alone.
      const byVendor = new Map<string, { vendor: Vendor; use: Use }>();
      const unknown = new Map<string, Use>();
      for (const [host, use] of hostsSeen(landing)) {
        const vendor = vendorForHost(r.vendors, host);
        if (!vendor) {
          unknown.set(host, use);
          continue;
        }
        const entry = byVendor.get(vendor.id) ?? { vendor, use: newUse() };
        merge(entry.use, use);
        byVendor.set(vendor.id, entry);
      }
      const mail = mailServiceOf(config, r.vendors);
      if (mail.kind === 'vendor') {
        const entry = byVendor.get(mail.vendor.id) ?? { vendor: mail.vendor, use: newUse() };
        entry.use.mail = mail.service;
        entry.use.evidence.push(...configEvidence(config));
        byVendor.set(mail.vendor.id, entry);
      } else if (mail.kind === 'host') {
        const use = unknown.get(mail.host) ?? newUse();
        use.hosts.add(mail.host);
        use.mail = mail.service;
        use.evidence.push(...configEvidence(config));
        unknown.set(mail.host, use);
      }
      const covered: string[] = [];
      for (const { vendor, use } of [...byVendor.values()].sort((a, b) => a.vendor.id.localeCompare(b.vendor.id))) {
        const processor = processorForVendor(r.snapshot, vendor);
        if (processor) {
          covered.push(`${vendor.name} → ${processor.name}`);
          continue;
        }
        evidence.push(...use.evidence);
        if (use.hosts.size) findings.push(finding('dpa-processor-missing', 'fail', { vendor: vendor.name, company: vendor.company, hosts: sorted(use.hosts), pages: sorted(use.pages) }));
        if (use.mail) findings.push(finding('dpa-mail-processor-missing', 'fail', { vendor: vendor.name, company: vendor.company, service: use.mail }));
      }
      for (const [host, use] of [...unknown].sort(([a], [b]) => a.localeCompare(b))) {
        const processor = processorNamingHost(r.snapshot, host, siteOf(host));
        if (processor) {
          covered.push(`${host} → ${processor.name}`);
          continue;
        }
        evidence.push(...use.evidence);
        findings.push(use.mail ? finding('dpa-mail-processor-missing', 'fail', { vendor: host, company: host, service: use.mail }) : finding('dpa-host-no-processor', 'fail', { host, pages: sorted(use.pages) }));
      }
      for (const p of r.snapshot.processors) {
        if (p.dpaSignedOn === null) findings.push(finding('dpa-not-signed', 'fail', { processor: p.name, service: p.service }));
        else if (p.dpaDocument === null) findings.push(finding('dpa-document-missing', 'warn', { processor: p.name, signedOn: p.dpaSignedOn }));
      }
      if (!r.snapshot.processors.length) findings.push(finding('dpa-no-processors', 'fail'));
      else if (!r.snapshot.processors.some((p) => isHoster(r, p))) findings.push(finding('dpa-no-hoster', 'warn'));
      if (!findings.some((f) => f.status === 'fail')) findings.unshift(finding('dpa-covered', 'pass', { count: r.snapshot.processors.length, services: covered }));
      return { findings, evidence };
    }),
});

export const dpaTransfers = defineCheck({
  id: 'dpa.transfers',
  probes: ['registers'],
  codes: ['transfers-safeguarded', 'transfer-basis-missing', 'transfer-adequacy-not-recorded', 'transfer-dpf-not-us', 'transfer-adequacy-wrong', 'transfer-country-unknown', 'transfer-no-processors', ...REGISTERS_COMMON],
  evaluate: ({ registers: probe }) =>
    registersCheck(probe, (r) => {
      const findings: Finding[] = [];
      let outside = 0;
      for (const p of r.snapshot.processors) {
        const vendor = vendorOfProcessor(r.vendors, p);
        // The register's country first; the catalogue's for the vendor when the register lacks one.
        const country = (p.country || vendor?.country || '').toUpperCase();
        const basis = p.transferBasis;
        const usual = vendor?.transferBasis ?? '-';
        if (!country) {
          findings.push(finding('transfer-country-unknown', 'warn', { processor: p.name }));
          continue;
        }
        if (EEA_COUNTRIES.has(country)) continue;
        outside++;
        const adequate = ADEQUACY_COUNTRIES.has(country);
        if (basis === null || basis === 'none') {
          findings.push(adequate ? finding('transfer-adequacy-not-recorded', 'warn', { processor: p.name, country }) : finding('transfer-basis-missing', 'fail', { processor: p.name, country, usual }));
        } else if (basis === 'dpf' && country !== 'US') {
          // The Data Privacy Framework covers certified organisations in the US only.
          findings.push(finding('transfer-dpf-not-us', 'warn', { processor: p.name, country }));
        } else if (basis === 'adequacy' && !adequate && country !== 'US') {
          findings.push(finding('transfer-adequacy-wrong', 'warn', { processor: p.name, country }));
        }
      }
      if (!r.snapshot.processors.length) findings.push(finding('transfer-no-processors', 'not_applicable'));
      else if (!findings.some((f) => f.status === 'fail' || f.status === 'warn')) findings.push(finding('transfers-safeguarded', 'pass', { count: r.snapshot.processors.length, outside }));
      return { findings, evidence: [] };
    }),
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const dpaReviewDue = defineCheck({
  id: 'dpa.review-due',
  probes: ['registers'],
  codes: ['reviews-scheduled', 'review-overdue', 'review-date-missing', 'review-no-processors', ...REGISTERS_COMMON],
  evaluate: ({ registers: probe }) =>
    registersCheck(probe, (r) => {
      const findings: Finding[] = [];
      const upcoming: string[] = [];
      for (const p of r.snapshot.processors) {
        const due = p.nextReviewOn?.trim() ?? '';
        if (!ISO_DATE.test(due)) findings.push(finding('review-date-missing', 'warn', { processor: p.name }));
        else if (due < r.today) findings.push(finding('review-overdue', 'warn', { processor: p.name, due, today: r.today }));
        else upcoming.push(due);
      }
      if (!r.snapshot.processors.length) findings.push(finding('review-no-processors', 'not_applicable'));
      else if (!findings.length) findings.push(finding('reviews-scheduled', 'pass', { count: upcoming.length, next: upcoming.sort()[0]!, today: r.today }));
      return { findings, evidence: [] };
    }),
});

export const DPA_CHECKS = [dpaCoverage, dpaTransfers, dpaReviewDue];
