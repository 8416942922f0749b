import { sql as clientsInstallations } from './0001-clients-installations';
import { sql as runsResults } from './0002-runs-results';
import { sql as evidence } from './0003-evidence';
import { sql as installationTargets } from './0004-installation-targets';
import { sql as installationSources } from './0005-installation-sources';
import { sql as registers } from './0006-registers';
import { sql as findings } from './0007-findings';
import { sql as keys } from './0008-keys';
import { sql as sealedTexts } from './0009-sealed-texts';

export interface Migration {
  /** 1-based; after applying it, PRAGMA user_version equals this number. */
  version: number;
  name: string;
  sql: string;
}

/** Forward only, in order. Append new migrations; never edit or reorder released ones. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'clients-installations', sql: clientsInstallations },
  { version: 2, name: 'runs-results', sql: runsResults },
  { version: 3, name: 'evidence', sql: evidence },
  { version: 4, name: 'installation-targets', sql: installationTargets },
  { version: 5, name: 'installation-sources', sql: installationSources },
  { version: 6, name: 'registers', sql: registers },
  { version: 7, name: 'findings', sql: findings },
  { version: 8, name: 'keys', sql: keys },
  { version: 9, name: 'sealed-texts', sql: sealedTexts },
];

export const LATEST_VERSION = MIGRATIONS.length;
