import type { AuditEventEnvelope, FilePurpose } from '../../shared/contract';
import { loadChecklist, type Checklist } from '../checklist/load';
import { loadShippedVendorCatalogue } from '../checklist/vendors-compiled';
import { loadVendorCatalogue } from '../checklist/vendors-load';
import type { VendorCatalogue } from '../../shared/vendors';
import { engineVersion } from '../package-root';
import { openStore, type OpenStoreOptions } from '../store';
import type { ConsentBrowser } from '../browser/types';
import { createAuditRunner } from './audits';
import type { SecretVault } from './config-source';
import { compareRunsView } from './compare';
import { consentScreenshot, consentView } from './consent-view';
import { loadTrackingList } from '../checklist/tracking-load';
import type { TrackingList } from '../../shared/consent';
import { ServiceError } from './dispatch';
import { evidenceView } from './evidence-view';
import { createReportExporter } from './reports';
import { createRegisterService } from './registers';
import { findingViews, runFindingViews } from './findings';
import { importRunFileView } from './imports';
import { buildDashboard, utcToday } from './dashboard';
import { createDashboardPdfExporter } from './dashboard-pdf';
import { createFindingsXlsxService } from './findings-xlsx';
import { createTargetListService } from './target-list';
import { runView } from './run-view';
import type { AppService, Handlers } from './types';

export { dispatch, toErrorResult, ServiceError } from './dispatch';
export type { AppService, Handlers } from './types';

export interface ServiceOptions {
  storeFile: string;
  /** How the store's keyring is unlocked (main passes safeStorage as the OS keychain protector). */
  storeKeys?: OpenStoreOptions;
  /** The system locale, reported to the renderer (it picks German for 'de…'). */
  locale: string;
  checklistId?: string;
  /** Shows an exported file in the system's file manager (main passes shell.showItemInFolder). */
  reveal?: (file: string) => void;
  /** The system's file dialog (main passes dialog.showOpenDialog); absent in the browser bridge. */
  pickFile?: (purpose: FilePurpose) => Promise<string | null>;
  /** The OS keychain (main passes safeStorage when encryption is available); absent: secrets are asked per audit. */
  vault?: SecretVault;
  /** The browser of the consent visits (main: Electron's Chromium; the bridge: playwright). Absent: none, the consent checks say why. */
  consentBrowser?: ConsentBrowser;
}

export type { FilePurpose } from '../../shared/contract';
export type { SecretVault } from './config-source';
export type { ConsentBrowser } from '../browser/types';

/** Everything the app can ask of the core, over one store. Opening a corrupt store throws StoreError. */
export function createAppService(options: ServiceOptions): AppService {
  const store = openStore(options.storeFile, options.storeKeys);
  const checklistId = options.checklistId ?? 'mautic-dsgvo';
  const checklists = new Map<string, Checklist>();
  const checklist = (id = checklistId): Checklist => {
    let list = checklists.get(id);
    if (!list) {
      list = loadChecklist(id);
      checklists.set(id, list);
    }
    return list;
  };
  const listeners = new Set<(envelope: AuditEventEnvelope) => void>();
  const emit = (envelope: AuditEventEnvelope) => {
    for (const listener of listeners) listener(envelope);
  };
  const { vault, pickFile } = options;
  let catalogue: VendorCatalogue | null = null;
  let trackingList: TrackingList | null = null;
  const tracking = () => (trackingList ??= loadTrackingList());
  const vendors = () => (catalogue ??= loadShippedVendorCatalogue() ?? loadVendorCatalogue());
  const audits = createAuditRunner({ store, checklist, vendors, emit, vault, consentBrowser: options.consentBrowser });
  const mustHaveInstallation = (id: number) => {
    if (!store.installations.get(id)) throw new ServiceError('not-found', `installation ${id} does not exist`);
  };
  const reports = createReportExporter(store, emit, options.reveal);
  const registers = createRegisterService(store);
  const findingsXlsx = createFindingsXlsxService(store, () => checklist());
  const targetList = createTargetListService(store);
  const exportDashboardPdf = createDashboardPdfExporter(store, () => checklist());

  const handlers: Handlers = {
    'app:info': () => ({ version: engineVersion(), locale: options.locale, storeFile: store.file, canPickFiles: Boolean(pickFile), canKeepSecrets: Boolean(vault) }),
    'files:pick': ({ purpose }) => {
      if (!pickFile) throw new ServiceError('unavailable', 'no file dialog here: type the path instead');
      return pickFile(purpose);
    },
    'clients:list': () => store.clients.list(),
    'clients:create': (args) => store.clients.create(args),
    'clients:update': ({ id, patch }) => store.clients.update(id, patch),
    'clients:delete': ({ id }) => (store.clients.delete(id), null),
    'installations:list': ({ clientId }) => store.installations.list(clientId),
    'installations:create': (args) => store.installations.create(args),
    'installations:update': ({ id, patch }) => store.installations.update(id, patch),
    'installations:delete': ({ id }) => (store.installations.delete(id), null),
    'installations:set-secret': ({ id, secret }) => {
      if (!vault) throw new ServiceError('unavailable', 'no OS keychain here: the password is asked for at each audit instead');
      mustHaveInstallation(id);
      store.installationSecrets.set(id, vault.encrypt(secret));
      return null;
    },
    'installations:clear-secret': ({ id }) => (mustHaveInstallation(id), store.installationSecrets.clear(id), null),
    'audits:start': ({ installationId, lang, sshSecret, scope }) => audits.start(installationId, lang, sshSecret ?? null, scope ?? 'all'),
    'audits:cancel': ({ auditId }) => audits.cancel(auditId),
    'runs:list': ({ installationId }) => store.listRuns(installationId),
    'runs:get': ({ runId, lang }) => {
      const run = store.getRun(runId);
      if (!run) throw new ServiceError('not-found', `run ${runId} does not exist`);
      return runView(run, checklist(run.checklistId), lang);
    },
    'runs:consent': ({ runId }) => consentView(store, runId, tracking),
    'evidence:get': ({ sha256 }) => evidenceView(store, sha256),
    'evidence:screenshot': ({ sha256 }) => consentScreenshot(store, sha256),
    'reports:export': (args) => reports.exportReports(args),
    'reports:reveal': ({ file }) => reports.revealFile(file),
    'registers:get': ({ clientId }) => registers.get(clientId),
    'registers:save-processor': ({ clientId, id, input }) => registers.saveProcessor(clientId, id, input),
    'registers:delete-processor': ({ id }) => (store.registers.deleteProcessor(id), null),
    'registers:save-activity': ({ clientId, id, input }) => registers.saveActivity(clientId, id, input),
    'registers:delete-activity': ({ id }) => (store.registers.deleteActivity(id), null),
    'registers:upload-document': (upload) => registers.uploadDocument(upload),
    'registers:import-preview': ({ clientId, file, lang }) => registers.importPreview(clientId, file, lang),
    'registers:import-apply': ({ clientId, changes }) => registers.importApply(clientId, changes),
    'registers:export': ({ clientId, lang }) => registers.exportWorkbook(clientId, lang),
    // forRun refuses an unknown run itself (not-found).
    'judgements:list': ({ runId }) => store.judgements.forRun(runId),
    'judgements:record': ({ runId, attachments, ...input }) => registers.recordJudgement(runId, input, attachments),
    'runs:import': ({ file, fingerprint }) => importRunFileView(store, file, fingerprint),
    'installations:import-targets-preview': ({ file, lang }) => targetList.preview(file, lang),
    'installations:import-targets-apply': ({ file, lang }) => targetList.apply(file, lang),
    'findings:list': ({ installationId, clientId, lang }) => findingViews(store, checklist(), { installationId, clientId }, lang),
    'findings:of-run': ({ runId, lang }) => runFindingViews(store, checklist(), runId, lang),
    'findings:update': ({ id, patch, by }) => store.findings.update(id, patch, by),
    'findings:comment': ({ id, text, by }) => store.findings.comment(id, text, by),
    'findings:history': ({ id }) => {
      if (!store.findings.get(id)) throw new ServiceError('not-found', `finding ${id} does not exist`);
      return store.findings.history(id);
    },
    'judgements:withdraw': ({ id, by, reason }) => store.judgements.withdraw(id, by, reason),
    'runs:compare': ({ runA, runB, lang }) => compareRunsView(store, checklist, runA, runB, lang),
    'dashboard:get': ({ installationId, clientId, lang, today }) => buildDashboard(store, checklist(), installationId !== undefined ? { installationId } : { clientId: clientId! }, { lang, today: today ?? utcToday() }),
    'dashboard:pdf': ({ installationId, clientId, lang, today }) => exportDashboardPdf(installationId !== undefined ? { installationId } : { clientId: clientId! }, lang, today ?? utcToday()),
    'findings:export': ({ installationId, clientId, lang }) => findingsXlsx.exportWorkbook({ installationId, clientId }, lang),
    'findings:import-preview': ({ file, lang }) => findingsXlsx.importPreview(file, lang),
    'findings:import-apply': ({ file, lang, by, resolve }) => findingsXlsx.importApply(file, lang, by, resolve),
  };

  return {
    handlers,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await audits.stopAll();
      store.close();
    },
  };
}
