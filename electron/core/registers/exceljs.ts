// exceljs is loaded only when a spreadsheet is read or written, so CLI commands that never touch one do not pay
// for it. Loaded from compiled CommonJS, import() yields the module as `default`; under ESM tooling, its exports.
type ExcelJs = typeof import('exceljs');

export async function loadExcelJs(): Promise<ExcelJs> {
  const mod = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  return mod.default ?? mod;
}
