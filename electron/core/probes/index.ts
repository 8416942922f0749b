import { consentVisitsProbe } from './consent-visits';
import { exposureCorsProbe, exposurePathsProbe } from './exposure';
import { formsProbe } from './forms';
import { httpRedirectProbe } from './http-redirect';
import { httpsMainProbe } from './https-main';
import { landingPagesProbe } from './landing';
import { mauticConfigProbe } from './mautic-config';
import { privacyPolicyProbe } from './privacy-policy';
import { registersProbe } from './registers';
import { tlsCertificateProbe } from './tls-certificate';
import { tlsProtocolsProbe } from './tls-protocols';
import { trackingScriptProbe } from './tracking';
import type { Probe, ProbeId } from './types';

/** Every probe the engine can run, by id. Registered here explicitly; nothing is discovered. */
export const PROBES: { [K in ProbeId]: Probe<K> } = {
  'http-redirect': httpRedirectProbe,
  'https-main': httpsMainProbe,
  'tls-certificate': tlsCertificateProbe,
  'tls-protocols': tlsProtocolsProbe,
  'exposure-paths': exposurePathsProbe,
  'exposure-cors': exposureCorsProbe,
  'landing-pages': landingPagesProbe,
  'tracking-script': trackingScriptProbe,
  forms: formsProbe,
  'privacy-policy': privacyPolicyProbe,
  'mautic-config': mauticConfigProbe,
  registers: registersProbe,
  'consent-visits': consentVisitsProbe,
};
