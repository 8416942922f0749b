import type { ConsentAction, ConsentVisit, TrackingList } from '../../shared/consent';
import type { AddressScope } from '../net/address-scope';
import type { EvidenceSink } from '../probes/types';
import type { BrowserEngine } from './types';

export interface VisitSpec {
  url: URL;
  action: ConsentAction;
  /** Hosts the auditor named: the only loopback or private-network hosts the visit may reach. */
  allowedHosts: ReadonlySet<string>;
  tracking: TrackingList;
  installationHost: string;
  timeoutMs?: number;
  addressScope?: (address: string) => AddressScope;
  signal: AbortSignal;
}

export declare function visitPage(engine: BrowserEngine, spec: VisitSpec, sink: EvidenceSink): Promise<ConsentVisit>;
