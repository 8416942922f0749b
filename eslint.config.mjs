// ESLint flat config. Besides typescript-eslint's recommended rules it ENFORCES the process boundaries of
// ARCHITECTURE.md ("Process boundaries are folders") with no-restricted-imports, one block per folder.
// Proof: test/unit/lint/boundaries.test.ts. Rule options do not merge across blocks (a later block that sets
// no-restricted-imports replaces the earlier one), so nested folders repeat their parent's patterns.
import { builtinModules } from 'node:module';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const BUILTINS = builtinModules.map(escapeRegex).join('|');
const IO_BUILTINS = 'fs|http|https|http2|net|tls|dgram|dns|child_process|cluster|worker_threads|inspector|repl';

// Patterns are regexes on the import specifier as written, so relative ('../main/ipc') and bare
// ('electron/main') forms are both caught. ESLint matches them case-insensitively.
const NO_ELECTRON = {
  regex: '^electron(/|$)',
  message: "'electron' is only for electron/main and electron/preload.",
};
const NO_NODE_BUILTINS = {
  regex: `^(node:.*|(${BUILTINS})(/.*)?)$`,
  message: 'Node builtins are not available here.',
};
const NO_IO_BUILTINS = {
  regex: `^(node:)?(${IO_BUILTINS})(/.*)?$`,
  message: 'A check never fetches or touches the disk: it judges observations handed to it.',
};
const CORE = [
  NO_ELECTRON,
  {
    regex: '^((\\.{1,2}/)+(.*/)?)?(main|preload|renderer)(/|$)',
    message: 'electron/core never imports from electron/main, electron/preload or renderer.',
  },
];
const CHECKS = [
  ...CORE,
  NO_IO_BUILTINS,
  { regex: '(^|/)net(/(?!types$)|$)', message: 'A check never fetches: from ../net only ../net/types.' },
  { regex: '(^|/)(store|audit)(/|$)', message: 'A check never reads the store or runs audits.' },
];
// The loopback bridge serves the app to a browser: plain Node over core, plus the pure app:// path helpers.
const BRIDGE = [
  NO_ELECTRON,
  {
    regex: '^((\\.{1,2}/)+(.*/)?)?(preload|renderer)(/|$)|(^|/)main/(?!protocol-path$)',
    message: 'electron/bridge uses core and shared; from main only ./protocol-path (no electron).',
  },
];
const PROBES = [
  ...CORE,
  { regex: '(^|/)(checks|store)(/|$)', message: 'A probe never judges and never persists.' },
];
// The registers' spreadsheets (core/registers) sit on the parse layer: bytes in, data out, no I/O of their own.
const REGISTERS = [
  ...CORE,
  NO_IO_BUILTINS,
  { regex: '(^|/)(net|probes|checks|store|audit|service|reports|cli)(/|$)', message: 'The register files are parsed and written from bytes only: no network, store, audit or report.' },
];
// The findings' workbooks (core/findings-xlsx) sit on the same parse layer. They reuse the registers' pieces and
// nothing of the layers above (the cell guard safeText is in shared/cell-text).
const FINDINGS_XLSX = [
  ...CORE,
  NO_IO_BUILTINS,
  {
    regex: '(^|/)(net|probes|checks|store|audit|service|reports|cli)(/|$)',
    message: 'The findings workbooks are written and read from bytes only: no network, store, audit or report (the cell guard is shared/cell-text).',
  },
];
// The keys and ciphers (core/crypto) sit on the net/parse layer, below the store that uses them: node builtins,
// electron/shared and their own files, nothing else (no package, no other part of core).
const CRYPTO = [
  ...CORE,
  {
    regex: `^(?!\\./|\\.\\./\\.\\./shared/|node:|(${BUILTINS})(/|$))|(^|/)(?!\\.\\.(/|$))[^/]+/\\.\\.(/|$)`,
    message: 'core/crypto imports only node builtins, ../../shared/* and its own files.',
  },
];
const SHARED = [
  {
    regex: '^(?!\\./|zod(/|$))|(^|/)\\.\\.(/|$)',
    message: "electron/shared is pure: it imports only sibling shared files ('./x') and zod.",
  },
];
const PRELOAD = [
  {
    regex: '^(?!electron$|\\.\\./shared/|\\./)|.+/\\.\\.(/|$)',
    message: "electron/preload imports only 'electron' and ../shared.",
  },
];
const RENDERER = [
  NO_ELECTRON,
  NO_NODE_BUILTINS,
  {
    regex: '^\\.{1,2}/(.*/)?electron(/(?!shared/)|$)|(^|/)electron/shared/(.*/)?\\.\\.(/|$)',
    message: 'The renderer imports only electron/shared/* (and its api.ts), never core, main or preload.',
  },
];

// Dynamic import() is not covered by no-restricted-imports (require() is, by no-require-imports).
const NO_DYNAMIC_ELECTRON = {
  'no-restricted-syntax': [
    'error',
    { selector: 'ImportExpression[source.value=/^electron($|\\u002f)/]', message: NO_ELECTRON.message },
  ],
};

const restrict = (files, patterns, extra = {}) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }], ...extra },
});

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'release/', 'out/', 'test-artifacts/']),
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: config.files ?? TS_FILES })),
  {
    files: TS_FILES,
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A timer declared before the callback that clears it, then assigned once, is not a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  restrict(['electron/shared/**'], SHARED, NO_DYNAMIC_ELECTRON),
  restrict(['electron/core/**'], CORE, NO_DYNAMIC_ELECTRON),
  restrict(['electron/core/checks/**'], CHECKS, NO_DYNAMIC_ELECTRON),
  restrict(['electron/core/probes/**'], PROBES, NO_DYNAMIC_ELECTRON),
  restrict(['electron/core/registers/**'], REGISTERS, NO_DYNAMIC_ELECTRON),
  restrict(['electron/core/findings-xlsx/**'], FINDINGS_XLSX, NO_DYNAMIC_ELECTRON),
  restrict(['electron/core/crypto/**'], CRYPTO, NO_DYNAMIC_ELECTRON),
  restrict(['electron/preload/**'], PRELOAD),
  restrict(['electron/bridge/**'], BRIDGE, NO_DYNAMIC_ELECTRON),
  restrict(['renderer/**'], RENDERER, NO_DYNAMIC_ELECTRON),
]);
