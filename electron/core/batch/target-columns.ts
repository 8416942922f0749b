// The columns of a targets file and the header names (English or German) each one is recognised by.

export const TARGET_COLUMNS = ['client', 'installation', 'baseUrl', 'httpUrl', 'pages', 'forms', 'privacyPolicy', 'config', 'crontab', 'ssh'] as const;
export type TargetColumn = (typeof TARGET_COLUMNS)[number];

/** Header names after `headerKey`: lower case, letters and digits only (so "Base URL", "base_url", "Basis-URL" meet). */
const ALIASES: Record<TargetColumn, readonly string[]> = {
  client: ['client', 'clientname', 'mandant', 'kunde'],
  installation: ['installation', 'installationname', 'name'],
  baseUrl: ['baseurl', 'basisurl', 'url', 'httpsurl', 'basis'],
  httpUrl: ['httpurl'],
  pages: ['pages', 'landingpages', 'landingpage', 'seiten'],
  forms: ['forms', 'formurls', 'formulare', 'formular'],
  privacyPolicy: ['policyurl', 'privacypolicy', 'privacypolicyurl', 'policy', 'datenschutzerklärung', 'datenschutzerklaerung', 'datenschutz'],
  config: ['config', 'configpath', 'localphp', 'konfiguration', 'konfig'],
  crontab: ['crontab', 'crontabpath'],
  ssh: ['ssh', 'sshlogin', 'sshzugang'],
};

const BY_ALIAS = new Map<string, TargetColumn>(TARGET_COLUMNS.flatMap((c) => ALIASES[c].map((a) => [a, c] as const)));

export function headerKey(raw: string): string {
  return raw.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The column a header names, or undefined for a header nobody knows. */
export function columnOfHeader(raw: string): TargetColumn | undefined {
  return BY_ALIAS.get(headerKey(raw));
}
