/** The texts of the consent matrix in the run view (browser visits before consent, after accepting, after refusing). */
export interface ConsentMessages {
  heading: string;
  intro: string;
  loading: string;
  /** Caption of one page's table. */
  page: (url: string) => string;
  browser: (name: string) => string;
  rows: { before: string; accepted: string; rejected: string };
  columns: { state: string; cookies: string; thirdParties: string; tracking: string; storage: string; clicked: string };
  none: string;
  notVisited: string;
  /** A button's label as the site wrote it. */
  quoted: (text: string) => string;
  noClick: string;
  /** The visit ended early: what it saw until then is listed. */
  visitError: (code: string, message: string) => string;
  trackingTag: (name: string) => string;
  requests: (count: number) => string;
  storageArea: { local: string; session: string };
  banner: { cmp: (name: string) => string; shown: string; notShown: string };
  /** Opens the visit's record (JSON) in the evidence dialog. */
  openRecord: (state: string) => string;
  unreadable: (count: number) => string;
  trackingSource: (source: string) => string;
  /** Where the screenshots and HAR files of the visits are kept. */
  screenshotsKept: string;
  showScreenshot: string;
  hideScreenshot: string;
  loadingScreenshot: string;
  screenshotAlt: (state: string) => string;
  screenshotSize: (width: number, height: number) => string;
}
