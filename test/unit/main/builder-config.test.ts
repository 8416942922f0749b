// electron-builder.yml: the installers, the Electron fuses of ARCHITECTURE.md and the native-module settings.
// Packaging itself needs Electron's binary (not available here), so the configuration is checked as data and
// against electron-builder's own schema validation (the check `electron-builder` runs before building).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoRoot = path.resolve(__dirname, '../../..');
const config = parse(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

const section = (key: string) => config[key] as Record<string, unknown>;

/** Enough of electron-builder's globs for asarUnpack: `**\/` is any folders, `*` anything but '/'. */
function globMatches(glob: string, file: string): boolean {
  const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const body = glob.split('**/').map((part) => part.split('*').map(escape).join('[^/]*')).join('(?:.*/)?');
  return new RegExp(`^${body}$`).test(file);
}

describe('electron-builder.yml', () => {
  it('builds AppImage and deb on Linux, an NSIS installer on Windows and a dmg on macOS', () => {
    expect(section('linux').target).toEqual(['AppImage', 'deb']);
    expect(section('win').target).toEqual(['nsis']);
    expect(section('mac').target).toEqual(['dmg']);
    expect(section('directories').output).toBe('release');
  });

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['onlyLoadAppFromAsar', true],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['grantFileProtocolExtraPrivileges', false],
  ])('sets the fuse %s to %s', (fuse, value) => {
    expect(section('electronFuses')[fuse]).toBe(value);
  });

  it('packs the app into an asar with the native module outside it, rebuilt for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    const unpack = config.asarUnpack as string[];
    const sqliteBinary = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(unpack.some((glob) => globMatches(glob, sqliteBinary))).toBe(true);
    expect(globMatches('**/*.node', 'dist/electron/main/index.js')).toBe(false);
  });

  it('ships the built code, the checklists, the resources and package.json — and package.json main is in dist', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'checklists/**', 'resources/**', 'package.json']));
    expect(pkg.main.startsWith('dist/')).toBe(true);
  });

  it('passes electron-builder’s own schema validation', async () => {
    const requireFromBuilder = createRequire(require.resolve('electron-builder/package.json'));
    const { validateConfiguration } = requireFromBuilder('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    const logger = { isEnabled: false, add() {} };
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
    const misspelt = { ...config, electronFuses: { ...section('electronFuses'), runAsNOde: false } };
    await expect(validateConfiguration(misspelt, logger)).rejects.toThrow(/electronFuses/);
  });

  it('has package scripts for every platform', () => {
    expect(pkg.scripts.package).toMatch(/npm run build && electron-builder\b/);
    expect(pkg.scripts['package:linux']).toMatch(/electron-builder --linux\b/);
    expect(pkg.scripts['package:win']).toMatch(/electron-builder --win\b/);
    expect(pkg.scripts['package:mac']).toMatch(/electron-builder --mac\b/);
  });
});
