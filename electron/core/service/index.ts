import type { AuditEventEnvelope } from '../../shared/contract';
import { loadChecklist, type Checklist } from '../checklist/load';
import { engineVersion } from '../package-root';
import { openStore } from '../store';
import { createAuditRunner } from './audits';
import { ServiceError } from './dispatch';
import { evidenceView } from './evidence-view';
import { createReportExporter } from './reports';
import { runView } from './run-view';
import type { AppService, Handlers } from './types';

export { dispatch, toErrorResult, ServiceError } from './dispatch';
export type { AppService, Handlers } from './types';

export interface ServiceOptions {
  storeFile: string;
  /** The system locale, reported to the renderer (it picks German for 'de…'). */
  locale: string;
  checklistId?: string;
  /** Shows an exported file in the system's file manager (main passes shell.showItemInFolder). */
  reveal?: (file: string) => void;
}

/** Everything the app can ask of the core, over one store. Opening a corrupt store throws StoreError. */
export function createAppService(options: ServiceOptions): AppService {
  const store = openStore(options.storeFile);
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
  const audits = createAuditRunner(store, checklist, emit);
  const reports = createReportExporter(store, emit, options.reveal);

  const handlers: Handlers = {
    'app:info': () => ({ version: engineVersion(), locale: options.locale, storeFile: store.file }),
    'clients:list': () => store.clients.list(),
    'clients:create': (args) => store.clients.create(args),
    'clients:update': ({ id, patch }) => store.clients.update(id, patch),
    'clients:delete': ({ id }) => (store.clients.delete(id), null),
    'installations:list': ({ clientId }) => store.installations.list(clientId),
    'installations:create': (args) => store.installations.create(args),
    'installations:update': ({ id, patch }) => store.installations.update(id, patch),
    'installations:delete': ({ id }) => (store.installations.delete(id), null),
    'audits:start': ({ installationId, lang }) => audits.start(installationId, lang),
    'audits:cancel': ({ auditId }) => audits.cancel(auditId),
    'runs:list': ({ installationId }) => store.listRuns(installationId),
    'runs:get': ({ runId, lang }) => {
      const run = store.getRun(runId);
      if (!run) throw new ServiceError('not-found', `run ${runId} does not exist`);
      return runView(run, checklist(run.checklistId), lang);
    },
    'evidence:get': ({ sha256 }) => evidenceView(store, sha256),
    'reports:export': (args) => reports.exportReports(args),
    'reports:reveal': ({ file }) => reports.revealFile(file),
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
