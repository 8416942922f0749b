// One full audit of a bench installation with the real engine and store; throws on an `error` verdict so
// that a figure is never taken from an audit that could not run.
import { runAudit } from '../../electron/core/audit/run';
import { auditTarget } from '../../electron/core/audit/target';
import type { Checklist } from '../../electron/core/checklist/schema';
import type { Store } from '../../electron/core/store';
import type { BenchInstallation } from './mautic-servers';

export interface BenchAuditResult {
  wall: number;
  slowest: number;
}

export async function benchAudit(store: Store, checklist: Checklist, installation: BenchInstallation, caPem: string): Promise<BenchAuditResult> {
  const { id } = store.ensureInstallationForUrl(installation.url, 'Bench');
  const t0 = performance.now();
  const result = await runAudit({
    target: auditTarget({
      baseUrl: installation.url,
      httpUrl: installation.httpUrl,
      landingPages: installation.landingPages,
      formUrls: installation.formUrls,
      privacyPolicyUrl: installation.privacyPolicyUrl,
      config: { kind: 'files', localPhpPath: installation.localPhpPath, crontabPath: installation.crontabPath },
    }),
    checklist,
    installationId: id,
    recorder: store,
    net: { timeoutMs: 20_000, maxRedirects: 10, maxBodyBytes: 2 * 1024 * 1024, extraCaPem: caPem },
    concurrency: 8,
    lang: 'en',
  });
  const wall = performance.now() - t0;
  const errors = result.items.flatMap((i) => i.checks).filter((c) => c.status === 'error');
  if (errors.length) throw new Error(`bench target gave an error verdict: ${errors.map((c) => `${c.checkId}: ${c.message}`).join('; ')}`);
  return { wall, slowest: Math.max(...result.probeTimings.map((p) => p.ms)) };
}
