// Findings across audits in a real store: opened by a failing run, kept by identity (check + subject), fixed by a
// run in which the check passes (evidence before and after), reopened on regression, edited and commented with
// every change sealed in the hash-chained log.
import { describe, expect, it } from 'vitest';
import type { CheckResult, Finding, ItemResult, Status } from '../../../electron/shared/domain';
import { StoreError, type Store } from '../../../electron/core/store';
import { rawDb, tempDbFile, tempStore } from './helpers';

const URL = 'https://mautic.example.org/';

function check(checkId: string, status: Status, findings: Finding[] = [], automated = true): CheckResult {
  return { checkId, status, automated, findings, message: checkId, evidence: [] };
}

/** Runs an audit's worth of results through the store as the engine does: start, evidence, finish. */
function audit(store: Store, checks: CheckResult[], options: Record<string, unknown> = {}): number {
  const installation = store.ensureInstallationForUrl(URL, 'Kunde GmbH');
  const runId = store.startRun({ installationId: installation.id, checklistId: 'mautic-dsgvo', checklistVersion: '1', engineVersion: '0.1.0', targetUrl: URL, options });
  const sha = store.addEvidence(runId, { kind: 'http-exchange', summary: `GET / (run ${runId})`, mediaType: 'application/json', content: Buffer.from(`run ${runId}`), capturedAt: new Date().toISOString() });
  const items: ItemResult[] = [
    { itemId: 'landing-pages', status: 'fail', severity: 'high', title: 'Landing pages', checks: checks.map((c) => ({ ...c, evidence: [sha] })) },
    { itemId: 'records-of-processing', status: 'manual', severity: 'medium', title: 'RoPA', checks: [check('ropa.mautic-entry', 'manual', [], false)] },
  ];
  store.finishRun(runId, { state: 'complete', items, summary: { counts: { pass: 0, fail: 1, warn: 0, manual: 1, error: 0, not_applicable: 0 }, score: 10, headerScore: null }, finishedAt: new Date().toISOString() });
  return runId;
}

const fonts = (...hosts: string[]) => check('landing.google-fonts', hosts.length ? 'fail' : 'pass', hosts.map((host) => ({ code: 'google-fonts', status: 'fail' as const, params: { host, page: 'https://lp.example.org/' } })));
const csp = (status: Status) => check('headers.csp', status, status === 'warn' ? [{ code: 'csp-unsafe-inline', status: 'warn' }] : []);

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof StoreError) return `${err.code}: ${err.message}`;
    throw err;
  }
  return 'no error';
};

describe('store.findings', () => {
  it('a failing run opens one finding per subject with a due date from its severity; the same failure again keeps them', () => {
    const store = tempStore();
    const first = audit(store, [fonts('fonts.googleapis.com', 'fonts.gstatic.com'), csp('warn')]);
    const installationId = store.getRun(first)!.installationId;
    const open = store.findings.list(installationId);
    expect(open.map((f) => [f.checkId, f.subject, f.status, f.measured, f.severity])).toEqual([
      ['landing.google-fonts', 'host:fonts.googleapis.com', 'open', 'fail', 'high'],
      ['landing.google-fonts', 'host:fonts.gstatic.com', 'open', 'fail', 'high'],
      ['headers.csp', '', 'open', 'warn', 'high'],
    ]);
    const day = store.getRun(first)!.startedAt.slice(0, 10);
    const due = new Date(`${day}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 30);
    expect(open[0]!.dueOn).toBe(due.toISOString().slice(0, 10));
    expect(store.findings.history(open[0]!.id).map((e) => e.kind)).toEqual(['opened']);
    const second = audit(store, [fonts('fonts.googleapis.com', 'fonts.gstatic.com'), csp('warn')]);
    const again = store.findings.list(installationId);
    expect(again.map((f) => f.id)).toEqual(open.map((f) => f.id));
    expect(again.every((f) => f.lastSeenRunId === second && f.firstRunId === first)).toBe(true);
    expect(store.verify().ok).toBe(true);
  });

  it('a run in which the check passes fixes the finding, keeping the evidence of before and after; failing again reopens it', () => {
    const store = tempStore();
    const first = audit(store, [fonts('fonts.googleapis.com'), csp('warn')]);
    const installationId = store.getRun(first)!.installationId;
    const [font] = store.findings.list(installationId).filter((f) => f.checkId === 'landing.google-fonts');
    const second = audit(store, [fonts(), csp('warn')]);
    const fixed = store.findings.get(font!.id)!;
    expect(fixed).toMatchObject({ status: 'fixed', fixedRunId: second });
    const event = store.findings.history(font!.id).at(-1)!;
    expect(event).toMatchObject({ kind: 'fixed', runId: second });
    expect(event.data).toMatchObject({ before: { runId: first, evidence: [store.getRun(first)!.evidence[0]!.sha256] }, after: { runId: second } });
    const sealed = JSON.parse(store.readBlob(event.evidence).toString('utf8')) as { events: { kind: string; findingId: number }[] };
    expect(sealed.events).toEqual([expect.objectContaining({ kind: 'fixed', findingId: font!.id })]);

    const third = audit(store, [fonts('fonts.googleapis.com'), csp('warn')]);
    expect(store.findings.get(font!.id)).toMatchObject({ status: 'open', fixedRunId: null, lastSeenRunId: third });
    expect(store.findings.history(font!.id).map((e) => e.kind)).toEqual(['opened', 'fixed', 'reopened']);
    expect(store.findings.history(font!.id).at(-1)!.data).toMatchObject({ previous: 'fixed', fixedInRun: second });
  });

  it('a check that could not run, or was not re-run in a targeted re-audit, fixes nothing', () => {
    const store = tempStore();
    const first = audit(store, [fonts('fonts.googleapis.com'), csp('warn')]);
    const installationId = store.getRun(first)!.installationId;
    audit(store, [check('landing.google-fonts', 'error', [{ code: 'probe-error', status: 'error', cause: 'timeout' }]), csp('warn')]);
    expect(store.findings.list(installationId, ['open']).map((f) => f.checkId).sort()).toEqual(['headers.csp', 'landing.google-fonts']);
    expect(store.findings.activeChecks(installationId)).toEqual(['headers.csp', 'landing.google-fonts']);
    // Only the CSP was re-checked: the fonts' pass here is not a verdict of this run.
    audit(store, [fonts(), csp('pass')], { onlyChecks: ['headers.csp'] });
    expect(store.findings.list(installationId).map((f) => [f.checkId, f.status])).toEqual([
      ['landing.google-fonts', 'open'],
      ['headers.csp', 'fixed'],
    ]);
  });

  it('a person sets owner, due date and status with the rules of each status; every change and comment is in the log', () => {
    const store = tempStore();
    const first = audit(store, [csp('warn')]);
    const [f] = store.findings.list(store.getRun(first)!.installationId);
    const head = store.chainHead()!.seq;
    const changed = store.findings.update(f!.id, { owner: 'IT-Leitung (M. Kurz)', dueOn: '2027-01-15', status: 'in-progress' }, 'Dr. Anna Berger');
    expect(changed).toMatchObject({ owner: 'IT-Leitung (M. Kurz)', dueOn: '2027-01-15', status: 'in-progress' });
    expect(failure(() => store.findings.update(f!.id, { status: 'accepted-risk' }, 'DSB'))).toMatch(/^invalid: .*reason and an expiry/);
    expect(failure(() => store.findings.update(f!.id, { status: 'false-positive' }, 'DSB'))).toMatch(/^invalid: .*false positive needs a reason/);
    expect(failure(() => store.findings.update(f!.id, { status: 'fixed' as never }, 'DSB'))).toMatch(/^invalid: .*proven by a re-audit/);
    expect(failure(() => store.findings.update(f!.id, { dueOn: '15.01.2027' }, 'DSB'))).toMatch(/^invalid: .*due date/);
    expect(failure(() => store.findings.update(f!.id, { owner: 'x' }, ' '))).toMatch(/^invalid: .*who makes the change/);
    expect(failure(() => store.findings.update(9999, { owner: 'x' }, 'DSB'))).toMatch(/^not-found/);
    store.findings.update(f!.id, { status: 'accepted-risk', reason: 'Inline-Skripte des Themes, Ablösung Q2', expiresOn: '2027-06-30' }, 'DSB');
    const note = store.findings.comment(f!.id, 'Ticket OPS-1234 angelegt.', 'M. Kurz');
    expect(note).toMatchObject({ kind: 'comment', by: 'M. Kurz', data: { comment: 'Ticket OPS-1234 angelegt.' } });
    const history = store.findings.history(f!.id);
    expect(history.map((e) => e.kind)).toEqual(['opened', 'changed', 'changed', 'comment']);
    expect(history[1]!.data).toEqual({ changes: [{ field: 'status', from: 'open', to: 'in-progress' }, { field: 'owner', from: '', to: 'IT-Leitung (M. Kurz)' }, { field: 'dueOn', from: f!.dueOn, to: '2027-01-15' }] });
    expect(store.chainHead()!.seq).toBe(head + 3);
    expect(store.verify().ok).toBe(true);
    // No change, no entry.
    store.findings.update(f!.id, { owner: 'IT-Leitung (M. Kurz)' }, 'DSB');
    expect(store.findings.history(f!.id)).toHaveLength(4);
  });

  it('an accepted risk past its expiry is reopened by the next failing run; history cannot be changed behind the store', () => {
    const file = tempDbFile();
    const store = tempStore(file);
    const first = audit(store, [csp('warn')]);
    const [f] = store.findings.list(store.getRun(first)!.installationId);
    store.findings.update(f!.id, { status: 'accepted-risk', reason: 'bis Relaunch', expiresOn: '2020-01-01' }, 'DSB');
    audit(store, [csp('warn')]);
    expect(store.findings.get(f!.id)!.status).toBe('open');
    expect(store.findings.history(f!.id).at(-1)!.data).toMatchObject({ previous: 'accepted-risk', acceptanceExpired: '2020-01-01' });
    expect(() => rawDb(file).prepare("UPDATE finding_events SET by_whom = 'x'").run()).toThrow(/immutable/);
  });

  it('applies each run once and never an older run after a newer one', () => {
    const store = tempStore();
    const first = audit(store, [csp('warn')]);
    const installationId = store.getRun(first)!.installationId;
    audit(store, [csp('pass')]);
    expect(store.findings.syncRun(first)).toEqual({ opened: [], fixed: [], reopened: [] });
    expect(store.findings.list(installationId)[0]!.status).toBe('fixed');
  });

  it('links each run’s checks to the findings of their subjects, and to those the run proved fixed', () => {
    const store = tempStore();
    const first = audit(store, [fonts('fonts.googleapis.com', 'fonts.gstatic.com'), csp('warn')]);
    const second = audit(store, [fonts('fonts.gstatic.com'), csp('warn')]);
    const byKey = new Map(store.findings.list(store.getRun(first)!.installationId).map((f) => [`${f.checkId} ${f.subject}`, f.id]));
    const links = (runId: number) => store.findings.linksOfRun(runId).map((l) => [l.checkId, l.inRun, l.findingId]);
    expect(links(first)).toEqual([
      ['landing.google-fonts', 'failing', byKey.get('landing.google-fonts host:fonts.googleapis.com')],
      ['landing.google-fonts', 'failing', byKey.get('landing.google-fonts host:fonts.gstatic.com')],
      ['headers.csp', 'failing', byKey.get('headers.csp ')],
    ]);
    expect(links(second)).toEqual([
      ['landing.google-fonts', 'failing', byKey.get('landing.google-fonts host:fonts.gstatic.com')],
      ['headers.csp', 'failing', byKey.get('headers.csp ')],
      ['landing.google-fonts', 'fixed', byKey.get('landing.google-fonts host:fonts.googleapis.com')],
    ]);
    expect(failure(() => store.findings.linksOfRun(999))).toMatch(/^not-found: run 999/);
  });
});
