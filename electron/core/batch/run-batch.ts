// Audits the installations of a targets file: `concurrency` at once, every connection to one host:port under one
// shared limit (net/host-limiter.ts), each run stored under its client like a single audit's.
import type { Lang } from '../../shared/domain';
import type { VendorCatalogue } from '../../shared/vendors';
import type { ConsentSetup } from '../probes/types';
import { clientRegisters } from '../audit/client-registers';
import { createLimiter } from '../audit/limit';
import { defaultHttpUrl } from '../audit/target';
import type { AuditResult } from '../audit/types';
import type { Checklist } from '../checklist/load';
import { createHostLimiter } from '../net/host-limiter';
import type { NetOptions } from '../net/options';
import type { ConfigSource, SshAuth } from '../probes/config-source';
import type { Installation, Store } from '../store';
import { DEFAULT_PER_HOST } from './defaults';
import { rowOfResult, rowWithoutRun, type BatchRow } from './rows';
import { installationInputOf } from './target-list';
import type { BatchTarget } from './targets';

export { DEFAULT_BATCH_CONCURRENCY, DEFAULT_PER_HOST } from './defaults';

export interface BatchProgress {
  total: number;
  done: number;
  /** Names (client / installation) of the audits running now. */
  running: string[];
  /** Installations done with at least one failed check. */
  failed: number;
  /** Installations done that could not be audited (unreachable or an internal error). */
  unreachable: number;
}

export interface BatchRequest {
  targets: readonly BatchTarget[];
  checklist: Checklist;
  store: Store;
  vendors: VendorCatalogue;
  /** The browser for the consent visits, shared by the batch's audits; null or absent: none. */
  consent?: ConsentSetup | null;
  net: Omit<NetOptions, 'signal' | 'userAgent' | 'hostLimiter'>;
  /** Installations audited at once. */
  concurrency: number;
  /** Probes at once within one audit. */
  probeConcurrency: number;
  /** Connections at once to one host:port across all audits (default 2). */
  perHost?: number;
  lang: Lang;
  /** How targets with an SSH login log in (the ssh-agent); null: the CLI refuses such targets before. */
  sshAuth: SshAuth | null;
  signal?: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
}

export const targetName = (t: BatchTarget) => `${t.client} / ${t.installation}`;

/** An installation with this base URL, else a new one under the client (created when missing). */
export function ensureInstallation(store: Store, target: BatchTarget): Installation {
  const existing = store.installations.findByBaseUrl(target.baseUrl.href);
  if (existing) return existing;
  const client = store.clients.findByName(target.client) ?? store.clients.create({ name: target.client });
  return store.installations.create(installationInputOf(target, client.id));
}

function configSource(target: BatchTarget, sshAuth: SshAuth | null): ConfigSource | null {
  const config = target.config;
  if (!config) return null;
  if (config.kind === 'files') return config;
  if (!sshAuth) throw new Error(`row ${target.row}: an SSH login needs an ssh-agent (SSH_AUTH_SOCK)`);
  return { kind: 'ssh', host: config.host, port: config.port, username: config.username, auth: sshAuth, mauticRoot: null, webUser: null, hostKeySha256: null };
}

export interface BatchResult {
  rows: BatchRow[];
  cancelled: boolean;
}

export async function runBatch(req: BatchRequest): Promise<BatchResult> {
  const { runAudit } = await import('../audit/run.js');
  const hostLimiter = createHostLimiter(req.perHost ?? DEFAULT_PER_HOST);
  const limit = createLimiter(Math.max(1, req.concurrency));
  const running = new Set<string>();
  const progress: BatchProgress = { total: req.targets.length, done: 0, running: [], failed: 0, unreachable: 0 };
  const report = () => req.onProgress?.({ ...progress, running: [...running] });

  const auditOne = async (target: BatchTarget): Promise<BatchRow> => {
    if (req.signal?.aborted) return rowWithoutRun(target, null, 'not-started', null);
    const name = targetName(target);
    running.add(name);
    report();
    let installationId: number | null = null;
    try {
      const installation = ensureInstallation(req.store, target);
      installationId = installation.id;
      const result: AuditResult = await runAudit({
        target: {
          url: target.baseUrl,
          httpUrl: target.httpUrl ?? defaultHttpUrl(target.baseUrl),
          landingPages: target.landingPages,
          formUrls: target.formUrls,
          privacyPolicyUrl: target.privacyPolicyUrl,
          config: configSource(target, req.sshAuth),
          registers: clientRegisters(req.store, installation.clientId, req.vendors),
        },
        checklist: req.checklist,
        installationId: installation.id,
        recorder: req.store,
        net: { ...req.net, hostLimiter },
        concurrency: req.probeConcurrency,
        lang: req.lang,
        signal: req.signal,
        consent: req.consent ?? null,
      });
      return rowOfResult(target, installation.id, result);
    } catch (err) {
      // One installation's failure (a store refusal, a lost evidence write) costs its row, not the batch.
      return rowWithoutRun(target, installationId, 'error', (err as Error).message);
    } finally {
      running.delete(name);
    }
  };

  const rows = await Promise.all(
    req.targets.map((target) =>
      limit(async () => {
        const row = await auditOne(target);
        if (row.state !== 'not-started') {
          progress.done++;
          if (row.failed > 0) progress.failed++;
          if (row.unreachable || row.state === 'error') progress.unreachable++;
          report();
        }
        return row;
      }),
    ),
  );
  return { rows, cancelled: Boolean(req.signal?.aborted) };
}
