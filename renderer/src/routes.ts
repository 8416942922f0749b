/** Where the main area is; the app keeps one of these in state (no router library, no URLs). */
export type Route =
  | { name: 'home' }
  | { name: 'client-new' }
  | { name: 'client'; clientId: number }
  | { name: 'client-edit'; clientId: number }
  | { name: 'registers'; clientId: number }
  | { name: 'installation-new'; clientId: number }
  | { name: 'installation'; clientId: number; installationId: number }
  | { name: 'installation-edit'; clientId: number; installationId: number }
  | { name: 'audit'; clientId: number; installationId: number; auditId: string }
  | { name: 'run'; clientId: number; installationId: number; runId: number }
  | { name: 'compare'; clientId: number; installationId: number; runA: number; runB: number };

export type Navigate = (route: Route) => void;

/** The client a route belongs to, for the sidebar's highlight and expansion. */
export function clientOf(route: Route): number | null {
  return 'clientId' in route ? route.clientId : null;
}

export function installationOf(route: Route): number | null {
  return 'installationId' in route ? route.installationId : null;
}
