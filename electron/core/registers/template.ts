// The empty register workbook shipped as resources/registers-template.xlsx: German headers and dropdowns, no rows.
// Regenerate it with `node tools/make-registers-template.mjs` after a build; a test checks the committed file.
import { writeRegisterWorkbook } from './write';

export const TEMPLATE_FILE = 'resources/registers-template.xlsx';

export function registersTemplate(): Promise<Buffer> {
  return writeRegisterWorkbook({ processors: [], activities: [] }, 'de');
}
