// A targets file taken into the store as clients and installations (the app's "Import target list"): planned
// against the store first (what would be added, changed, left alone), then applied in one transaction. An
// installation is matched by its base URL, as the batch audit matches it; an empty cell never clears a stored value,
// and SSH secrets never come from the file.
import type { TargetListField } from '../../shared/contract-target-list';
import type { SshSettings } from '../../shared/domain';
import type { Installation, InstallationInput, Store } from '../store';
import type { BatchTarget } from './targets';


export interface TargetListChange {
  field: TargetListField;
  from: string;
  to: string;
}

export interface TargetListRow {
  row: number;
  client: string;
  installation: string;
  baseUrl: string;
  action: 'add-client' | 'add' | 'update' | 'unchanged';
  /** For an installation already stored under another client than the file names: it stays there. */
  storedClient: string | null;
  changes: TargetListChange[];
}

export interface TargetListOutcome {
  clientsAdded: number;
  added: number;
  updated: number;
  unchanged: number;
}

const sshLogin = (ssh: SshSettings | null) => (ssh ? `${ssh.username}@${ssh.host}:${ssh.port}` : '');

/** The installation the target describes, for a new one under `clientId`. */
export function installationInputOf(target: BatchTarget, clientId: number): InstallationInput {
  const files = target.config?.kind === 'files' ? target.config : null;
  const ssh = target.config?.kind === 'ssh' ? target.config : null;
  return {
    clientId,
    name: target.installation,
    baseUrl: target.baseUrl.href,
    httpUrl: target.httpUrl?.href ?? null,
    landingPages: target.landingPages.map((u) => u.href),
    formUrls: target.formUrls.map((u) => u.href),
    privacyPolicyUrl: target.privacyPolicyUrl?.href ?? null,
    configPath: files?.localPhpPath ?? null,
    crontabPath: files?.crontabPath ?? null,
    ssh: ssh ? { host: ssh.host, port: ssh.port, username: ssh.username, auth: 'agent', keyPath: null, mauticRoot: null, webUser: null, hostKeySha256: null } : null,
  };
}

/** What the file changes on a stored installation: only the values it gives, never clearing one. */
function patchOf(stored: Installation, target: BatchTarget): { patch: Partial<InstallationInput>; changes: TargetListChange[] } {
  const wanted = installationInputOf(target, stored.clientId);
  const patch: Partial<InstallationInput> = {};
  const changes: TargetListChange[] = [];
  const text = (field: TargetListField, from: string, to: string, apply: () => void) => {
    if (to === '' || from === to) return;
    changes.push({ field, from, to });
    apply();
  };
  text('name', stored.name, wanted.name, () => (patch.name = wanted.name));
  text('httpUrl', stored.httpUrl ?? '', wanted.httpUrl ?? '', () => (patch.httpUrl = wanted.httpUrl));
  text('landingPages', stored.landingPages.join('\n'), wanted.landingPages!.join('\n'), () => (patch.landingPages = wanted.landingPages));
  text('formUrls', stored.formUrls.join('\n'), wanted.formUrls!.join('\n'), () => (patch.formUrls = wanted.formUrls));
  text('privacyPolicyUrl', stored.privacyPolicyUrl ?? '', wanted.privacyPolicyUrl ?? '', () => (patch.privacyPolicyUrl = wanted.privacyPolicyUrl));
  if (target.config?.kind === 'files') {
    text('configPath', stored.configPath ?? '', wanted.configPath ?? '', () => (patch.configPath = wanted.configPath));
    text('crontabPath', stored.crontabPath ?? '', wanted.crontabPath ?? '', () => (patch.crontabPath = wanted.crontabPath));
    // Files from the list replace an SSH login: one source of the configuration at a time.
    if (stored.ssh && changes.some((c) => c.field === 'configPath' || c.field === 'crontabPath')) text('ssh', sshLogin(stored.ssh), '–', () => (patch.ssh = null));
  } else if (target.config?.kind === 'ssh') {
    const to = sshLogin(wanted.ssh!);
    text('ssh', sshLogin(stored.ssh), to, () => {
      // The login changes; how it authenticates, the Mautic folder and the pinned host key stay where the host does.
      const sameHost = stored.ssh?.host === wanted.ssh!.host && stored.ssh?.port === wanted.ssh!.port;
      patch.ssh = stored.ssh && sameHost ? { ...stored.ssh, username: wanted.ssh!.username } : wanted.ssh;
      if (stored.configPath || stored.crontabPath) Object.assign(patch, { configPath: null, crontabPath: null });
    });
  }
  return { patch, changes };
}

/** What a new installation gets from the file, as changes from nothing. */
function valuesOf(input: InstallationInput): TargetListChange[] {
  const values: [TargetListField, string][] = [
    ['httpUrl', input.httpUrl ?? ''],
    ['landingPages', (input.landingPages ?? []).join('\n')],
    ['formUrls', (input.formUrls ?? []).join('\n')],
    ['privacyPolicyUrl', input.privacyPolicyUrl ?? ''],
    ['configPath', input.configPath ?? ''],
    ['crontabPath', input.crontabPath ?? ''],
    ['ssh', sshLogin(input.ssh ?? null)],
  ];
  return values.filter(([, to]) => to !== '').map(([field, to]) => ({ field, from: '', to }));
}

interface Planned extends TargetListRow {
  apply(store: Store): void;
}

function plan(store: Store, targets: readonly BatchTarget[]): Planned[] {
  const newClients = new Set<string>();
  return targets.map((target): Planned => {
    const base = { row: target.row, client: target.client, installation: target.installation, baseUrl: target.baseUrl.href, storedClient: null };
    const stored = store.installations.findByBaseUrl(target.baseUrl.href);
    if (!stored) {
      const known = store.clients.findByName(target.client) !== null || newClients.has(target.client);
      newClients.add(target.client);
      return {
        ...base,
        action: known ? 'add' : 'add-client',
        changes: valuesOf(installationInputOf(target, 0)),
        apply: (s) => {
          const client = s.clients.findByName(target.client) ?? s.clients.create({ name: target.client });
          s.installations.create(installationInputOf(target, client.id));
        },
      };
    }
    const storedClient = store.clients.get(stored.clientId)?.name ?? null;
    const { patch, changes } = patchOf(stored, target);
    return {
      ...base,
      storedClient: storedClient !== null && storedClient !== target.client ? storedClient : null,
      action: changes.length ? 'update' : 'unchanged',
      changes,
      apply: (s) => void (changes.length && s.installations.update(stored.id, patch)),
    };
  });
}

/** What taking the list in would do; writes nothing. */
export function planTargetList(store: Store, targets: readonly BatchTarget[]): TargetListRow[] {
  return plan(store, targets).map(({ apply: _apply, ...row }) => row);
}

/** Plans the list anew against the store and applies it, all or nothing. */
export function applyTargetList(store: Store, targets: readonly BatchTarget[]): TargetListOutcome {
  return store.transaction(() => {
    const rows = plan(store, targets);
    for (const row of rows) row.apply(store);
    return {
      clientsAdded: rows.filter((r) => r.action === 'add-client').length,
      added: rows.filter((r) => r.action === 'add' || r.action === 'add-client').length,
      updated: rows.filter((r) => r.action === 'update').length,
      unchanged: rows.filter((r) => r.action === 'unchanged').length,
    };
  });
}
