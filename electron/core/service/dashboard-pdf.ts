// The channel 'dashboard:pdf': a client's (or one installation's) dashboard written as a PDF into the exports
// folder, named after the client, for an agency or DPO to hand over.
import type { Lang } from '../../shared/domain';
import type { Checklist } from '../checklist/load';
import { engineVersion, TOOL_NAME } from '../package-root';
import { writeClientDashboardPdf, type ClientDashboardMeta } from '../reports/pdf-client-dashboard';
import type { Store } from '../store';
import { buildDashboard, type DashboardScope } from './dashboard';
import { ServiceError } from './dispatch';
import { exportFilePath } from './export-file';

export function createDashboardPdfExporter(store: Store, checklist: () => Checklist) {
  /** The client the PDF is for, and the installation when it is about one only. */
  function metaOf(scope: DashboardScope): ClientDashboardMeta & { label: string; fallback: string } {
    const tool = { name: TOOL_NAME, version: engineVersion() };
    if ('clientId' in scope) {
      const client = store.clients.get(scope.clientId);
      if (!client) throw new ServiceError('not-found', `client ${scope.clientId} does not exist`);
      return { clientName: client.name, tool, label: client.name, fallback: `client-${client.id}` };
    }
    const installation = store.installations.get(scope.installationId);
    if (!installation) throw new ServiceError('not-found', `installation ${scope.installationId} does not exist`);
    const client = store.clients.get(installation.clientId)!;
    return { clientName: client.name, tool, installation: { name: installation.name, baseUrl: installation.baseUrl }, label: `${client.name}-${installation.name}`, fallback: `installation-${installation.id}` };
  }

  return async function exportDashboardPdf(scope: DashboardScope, lang: Lang, today: string): Promise<{ file: string }> {
    const { label, fallback, ...meta } = metaOf(scope);
    const view = buildDashboard(store, checklist(), scope, { lang, today });
    const file = exportFilePath(store.file, 'dashboard', label, fallback, 'pdf');
    await writeClientDashboardPdf(view, meta, file, lang);
    return { file };
  };
}
