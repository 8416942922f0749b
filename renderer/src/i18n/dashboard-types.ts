/** The texts of the DPO's dashboard (client and installation pages) and its score chart. */
export interface DashboardMessages {
  title: string;
  loading: string;
  /** No finished audit in scope. */
  noAudits: string;
  chartTitle: string;
  /** The chart's accessible summary: one sentence per installation. */
  chartSummary: (name: string, count: number, first: string, last: string) => string;
  chartEmptySeries: (name: string) => string;
  scoreAxis: string;
  tableCaption: string;
  date: string;
  installation: string;
  score: string;
  run: string;
  complete: string;
  provisional: string;
  legendComplete: string;
  legendProvisional: string;
  targetedLeftOut: (n: number) => string;
  openTitle: string;
  openHint: string;
  overdueTitle: string;
  upcomingTitle: string;
  noOverdue: string;
  noUpcoming: string;
  daysOverdue: (n: number) => string;
  dueIn: (n: number) => string;
  owner: string;
  unassigned: string;
  dueOn: string;
  oldestTitle: string;
  noOpen: string;
  age: (days: number) => string;
  findingNumber: (id: number) => string;
  /** The dashboard as a PDF ("Status of remediation") written into the exports folder. */
  exportPdf: {
    button: string;
    busy: string;
    written: (file: string) => string;
    reveal: string;
  };
}
