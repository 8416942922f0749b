import { randomBytes } from 'node:crypto';
import type { AuditEventEnvelope } from '../../shared/contract';
import type { Lang } from '../../shared/domain';
import { runAudit } from '../audit/run';
import { clientRegisters } from '../audit/client-registers';
import { auditTarget } from '../audit/target';
import type { VendorCatalogue } from '../../shared/vendors';
import type { BrowserLauncher } from '../browser/types';
import type { Checklist } from '../checklist/load';
import { loadTrackingList } from '../checklist/tracking-load';
import { DEFAULT_NET_OPTIONS } from '../net/options';
import type { ConsentSetup } from '../probes/types';
import type { Store } from '../store';
import { configSourceFor, type SecretVault } from './config-source';
import { ServiceError } from './dispatch';

const CONCURRENCY = 8;
const NO_BROWSER: Record<Lang, string> = {
  de: 'kein Browser für die Einwilligungsbesuche; die Einwilligung im Browser wurde nicht geprüft.',
  en: 'no browser for the consent visits; consent in the browser was not checked.',
};

/** How the service opens a browser for the consent visits; `launch` null: none, `unavailable` says why. */
export interface ConsentBrowser {
  launch: BrowserLauncher | null;
  unavailable: string | null;
}

export interface AuditRunnerDeps {
  store: Store;
  checklist: () => Checklist;
  vendors: () => VendorCatalogue;
  emit: (envelope: AuditEventEnvelope) => void;
  vault?: SecretVault;
  consentBrowser?: ConsentBrowser;
}

/** The audits running in this process, each cancellable by its id; progress goes to `emit`. */
export function createAuditRunner({ store, checklist, vendors, emit, vault, consentBrowser }: AuditRunnerDeps) {
  let tracking: ConsentSetup['tracking'] | null = null;
  /** Every audit gets one (also without a browser), so a page-less installation is "nothing to visit", not an error. */
  const consent = (lang: Lang): ConsentSetup => ({
    launch: consentBrowser?.launch ?? null,
    unavailable: consentBrowser?.launch ? null : (consentBrowser?.unavailable ?? NO_BROWSER[lang]),
    tracking: (tracking ??= loadTrackingList()),
  });
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();

  /** The secret given for this audit, else the one kept (encrypted) for the installation. */
  function secretFor(installationId: number, given: string | null): string | null {
    if (given) return given;
    const kept = store.installationSecrets.get(installationId);
    if (!kept || !vault) return null;
    try {
      return vault.decrypt(kept);
    } catch {
      throw new ServiceError('needs-secret', 'the kept SSH secret cannot be decrypted on this computer; enter it again');
    }
  }

  /** Trust on first use: the host key seen at the first SSH read is pinned; later audits refuse any other key. */
  function pinHostKey(installationId: number, seen: string | null): void {
    const current = store.installations.get(installationId);
    if (!seen || !current?.ssh || current.ssh.hostKeySha256) return;
    try {
      store.installations.update(installationId, { ssh: { ...current.ssh, hostKeySha256: seen } });
    } catch {
      // Edited or gone meanwhile: the key seen stays in the run's evidence; the next audit pins it.
    }
  }

  function start(installationId: number, lang: Lang, sshSecret: string | null = null, scope: 'all' | 'open-findings' = 'all'): { auditId: string } {
    const installation = store.installations.get(installationId);
    if (!installation) throw new ServiceError('not-found', `installation ${installationId} does not exist`);
    const config = configSourceFor(installation, installation.ssh ? secretFor(installationId, sshSecret) : null);
    const list = checklist();
    const registers = clientRegisters(store, installation.clientId, vendors());
    const consentSetup = consent(lang);
    const onlyChecks = scope === 'open-findings' ? store.findings.activeChecks(installationId) : null;
    if (onlyChecks?.length === 0) throw new ServiceError('invalid', 'this installation has no open findings to re-check; run a full audit instead');
    const auditId = randomBytes(12).toString('hex');
    const controller = new AbortController();
    const send = (event: AuditEventEnvelope['event']) => emit({ auditId, event });
    // Started on the next turn, so the caller holds the audit id before the first event reaches it.
    const done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() =>
        runAudit({
          target: auditTarget({
            baseUrl: installation.baseUrl,
            httpUrl: installation.httpUrl,
            landingPages: installation.landingPages,
            formUrls: installation.formUrls,
            privacyPolicyUrl: installation.privacyPolicyUrl,
            config,
            registers,
          }),
          checklist: list,
          installationId,
          recorder: store,
          net: { ...DEFAULT_NET_OPTIONS, extraCaPem: installation.caPem ?? undefined, extraCaName: installation.caName ?? undefined },
          concurrency: CONCURRENCY,
          lang,
          onEvent: send,
          signal: controller.signal,
          consent: consentSetup,
          onlyChecks,
        }),
      )
      .then(
        (result) => pinHostKey(installationId, result.sshHostKey),
        (error: unknown) => send({ type: 'run-failed', message: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => running.delete(auditId));
    running.set(auditId, { controller, done });
    return { auditId };
  }

  function cancel(auditId: string): { cancelled: boolean } {
    const audit = running.get(auditId);
    if (!audit) return { cancelled: false };
    audit.controller.abort();
    return { cancelled: true };
  }

  async function stopAll(): Promise<void> {
    const all = [...running.values()];
    for (const a of all) a.controller.abort();
    await Promise.all(all.map((a) => a.done));
  }

  return { start, cancel, stopAll };
}
