// STUB (issue 5): the forms helper replaces this file.
export interface ParsedForm {
  action: string | null;
}

export function extractForms(_html: string, _pageUrl: string): { forms: ParsedForm[]; truncated: boolean } {
  return { forms: [], truncated: false };
}
