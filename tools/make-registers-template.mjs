// Writes resources/registers-template.xlsx, the empty register workbook (German), from the compiled code.
// Run after a build: npx tsc -p tsconfig.build.json && node tools/make-registers-template.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { registersTemplate, TEMPLATE_FILE } = require(path.join(root, 'dist/electron/core/registers/template.js'));
writeFileSync(path.join(root, TEMPLATE_FILE), await registersTemplate());
console.log(`wrote ${TEMPLATE_FILE}`);
