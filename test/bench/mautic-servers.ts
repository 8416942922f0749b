// The bench's loopback Mautic installations, run in a child process of their own so that serving them does
// not take CPU from the audits being measured (as on a real network, the servers are someone else's).
// Started with fork(); sends { caPem, installations } once every server listens, exits when the parent goes.
import { makeCa } from '../fixtures/certs';
import { startMautic, type MauticFixture } from '../fixtures/mautic';

export interface BenchInstallation {
  url: string;
  httpUrl: string;
  landingPages: string[];
  formUrls: string[];
  privacyPolicyUrl: string;
  localPhpPath: string;
  crontabPath: string;
}

export interface BenchServersReady {
  caPem: string;
  installations: BenchInstallation[];
}

async function main() {
  const count = Number(process.argv[2] ?? 1);
  const ca = makeCa();
  const fixtures: MauticFixture[] = [];
  for (let i = 0; i < count; i++) fixtures.push(await startMautic({ version: '4.4', secure: true, ca }));
  const ready: BenchServersReady = {
    caPem: ca.certPem,
    installations: fixtures.map((m) => ({
      url: m.url,
      httpUrl: m.httpUrl,
      landingPages: m.landingPages,
      formUrls: m.formUrls,
      privacyPolicyUrl: m.privacyPolicyUrl,
      localPhpPath: m.localPhpPath,
      crontabPath: m.crontabPath,
    })),
  };
  process.send!(ready);
  process.on('disconnect', () => void Promise.all(fixtures.map((m) => m.close())).finally(() => process.exit(0)));
}

void main();
