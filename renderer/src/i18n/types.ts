import type { Completeness } from '../../../electron/shared/completeness';
import type { ErrorCode } from '../../../electron/shared/contract';
import type { Lang, Severity, Status } from '../../../electron/shared/domain';
import type { FindingMessages } from './findings-types';
import type { FindingsFileMessages } from './findings-file-types';
import type { ImportMessages } from './imports-types';
import type { CompareMessages } from './compare-types';
import type { JudgementMessages, RegisterMessages } from './registers-types';
import type { DashboardMessages } from './dashboard-types';
import type { ConsentMessages } from './consent-types';

/** Every text the UI shows, one key per text. de.ts and en.ts must both fill every key. */
export interface Messages {
  productName: string;
  subtitle: string;

  common: {
    cancel: string;
    close: string;
    back: string;
    loading: string;
    retry: string;
    none: string;
    yes: string;
    no: string;
    unknown: string;
    createdAt: string;
  };

  header: {
    skipToMain: string;
    language: string;
    showSidebar: string;
    hideSidebar: string;
  };

  /** Each language names itself, in both dictionaries. */
  langNames: Record<Lang, string>;

  errors: {
    title: string;
    codes: Record<ErrorCode, string>;
    formInvalid: string;
  };

  nav: {
    label: string;
    clients: string;
    newClient: string;
    noClients: string;
    installationsOf: (client: string) => string;
    noInstallations: string;
    auditRunning: string;
  };

  home: {
    title: string;
    intro: string;
    empty: string;
    choose: string;
  };

  client: {
    titleNew: string;
    titleEdit: (name: string) => string;
    name: string;
    notes: string;
    create: string;
    save: string;
    saving: string;
    edit: string;
    delete: string;
    deleteTitle: string;
    deleteBody: (name: string) => string;
    installations: string;
    newInstallation: string;
    noInstallations: string;
    notesHeading: string;
    notFound: string;
  };

  installation: {
    titleNew: (client: string) => string;
    titleEdit: (name: string) => string;
    name: string;
    baseUrl: string;
    baseUrlHint: string;
    httpUrl: string;
    httpUrlHint: string;
    landingPages: string;
    landingPagesHint: string;
    privacyPolicyUrl: string;
    caFile: string;
    caFileHint: string;
    caChosen: (name: string) => string;
    caRemove: string;
    caNone: string;
    caTooLarge: string;
    caReadError: string;
    notes: string;
    create: string;
    save: string;
    saving: string;
    edit: string;
    delete: string;
    deleteTitle: string;
    deleteBody: (name: string) => string;
    details: string;
    startAudit: string;
    starting: string;
    showProgress: string;
    notFound: string;
    client: string;
  };

  sources: {
    formUrls: string;
    formUrlsHint: string;
    legend: string;
    intro: string;
    files: string;
    ssh: string;
    configPath: string;
    configPathHint: string;
    crontabPath: string;
    crontabPathHint: string;
    browse: string;
    host: string;
    port: string;
    username: string;
    usernameHint: string;
    auth: string;
    authAgent: string;
    authKey: string;
    authPassword: string;
    keyPath: string;
    password: string;
    passphrase: string;
    secretHint: string;
    secretKept: string;
    secretAsked: string;
    mauticRoot: string;
    mauticRootHint: string;
    webUser: string;
    webUserHint: string;
    hostKey: string;
    hostKeyHint: string;
    detailsFiles: (config: string | null, crontab: string | null) => string;
    detailsSsh: (target: string, auth: string) => string;
    promptTitle: string;
    promptBody: (host: string) => string;
    promptStart: string;
  };
  audit: {
    title: (installation: string) => string;
    waiting: string;
    progressLabel: string;
    checksDone: (done: number, total: number) => string;
    probesDone: (done: number, total: number) => string;
    runningProbes: string;
    runningChecks: string;
    nothingRunning: string;
    elapsed: string;
    cancel: string;
    cancelling: string;
    failed: string;
    finished: (state: string) => string;
    openResults: string;
    backToInstallation: string;
    notFound: string;
  };

  run: {
    title: string;
    summary: string;
    target: string;
    startedAt: string;
    finishedAt: string;
    state: string;
    score: string;
    headerScore: string;
    mauticVersion: string;
    grade: string;
    counts: string;
    checklist: string;
    notScored: string;
    provisionalScore: (score: string) => string;
    endedEarly: string;
    filters: string;
    filterVerdict: string;
    filterSeverity: string;
    resetFilters: string;
    showing: (shown: number, total: number) => string;
    noMatch: string;
    items: string;
    itemNumber: (n: number) => string;
    severityLabel: (severity: string) => string;
    description: string;
    gdpr: string;
    advice: string;
    checks: string;
    message: string;
    manualInstructions: string;
    evidence: string;
    noEvidence: string;
    openEvidence: (summary: string) => string;
    backToInstallation: string;
    stillRunning: string;
  };

  status: Record<Status, string>;
  severity: Record<Severity, string>;
  completeness: Record<Completeness, string>;

  history: {
    title: string;
    empty: string;
    date: string;
    state: string;
    score: string;
    grade: string;
    actions: string;
    open: string;
    openRun: (date: string) => string;
    provisional: (score: string) => string;
  };

  evidence: {
    title: string;
    kinds: Record<string, string>;
    summary: string;
    capturedAt: string;
    mediaType: string;
    sizeLabel: string;
    size: (bytes: string) => string;
    truncated: string;
    sha256: string;
    unknownShape: string;
    raw: string;
    // HTTP exchange
    request: string;
    response: string;
    requestHeaders: string;
    responseHeaders: string;
    headerName: string;
    headerValue: string;
    statusLine: string;
    noResponse: string;
    timing: string;
    timingHeading: string;
    ms: (ms: string) => string;
    startedAt: string;
    netError: string;
    tls: string;
    noTls: string;
    protocol: string;
    cipher: string;
    trusted: string;
    trustError: string;
    hostnameMatches: string;
    hostnameError: string;
    leafFingerprint: string;
    body: string;
    bodyBytes: (kept: string, read: string) => string;
    bodyEmpty: string;
    bodyExcerpt: string;
    openBody: string;
    // TLS handshake
    host: string;
    port: string;
    viaExtraCa: string;
    chain: string;
    noChain: string;
    certificate: (n: number) => string;
    leaf: string;
    subject: string;
    issuer: string;
    san: string;
    validity: string;
    validFrom: string;
    validTo: string;
    key: string;
    keyBits: (type: string, bits: string) => string;
    serial: string;
    fingerprint: string;
    pem: string;
    // TLS protocols
    protocols: string;
    requested: string;
    accepted: string;
    negotiated: string;
    error: string;
  };

  export: {
    title: string;
    kinds: Record<'pdf' | 'xlsx' | 'pack', string>;
    auditor: string;
    start: string;
    running: string;
    steps: Record<string, string>;
    done: string;
    reveal: string;
    folder: string;
    progressLabel: string;
  };
  registers: RegisterMessages;
  judgement: JudgementMessages;
  findings: FindingMessages;
  findingsFile: FindingsFileMessages;
  imports: ImportMessages;
  compare: CompareMessages;
  dashboard: DashboardMessages;
  consent: ConsentMessages;
}
