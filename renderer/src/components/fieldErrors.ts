/**
 * Splits a validation message of the service ("baseUrl: a URL …; landingPages.1: a URL …") into messages per
 * form field; whatever names no known field stays general.
 */
export function fieldErrors<F extends string>(message: string, fields: readonly F[]): { byField: Partial<Record<F, string[]>>; general: string[] } {
  const byField: Partial<Record<F, string[]>> = {};
  const general: string[] = [];
  for (const part of message.split(/;\s*/).filter(Boolean)) {
    const match = /^([\w.]+):\s*(.*)$/s.exec(part);
    const path = match?.[1]?.replace(/^patch\./, '').split('.') ?? [];
    const field = fields.find((f) => f === path[0]);
    if (match && field) {
      const index = path[1] !== undefined && /^\d+$/.test(path[1]) ? `#${Number(path[1]) + 1}: ` : '';
      (byField[field] ??= []).push(index + (match[2] ?? ''));
    } else {
      general.push(part);
    }
  }
  return { byField, general };
}
