import type { z } from 'zod';
import type { TrackingList } from '../../shared/consent';
import { recordedConsent } from '../../shared/consent-records';
import type { runConsentSchema, screenshotSchema } from '../../shared/contract-consent';
import type { Store } from '../store';
import { ServiceError } from './dispatch';

/** A run's browser visits grouped by landing page, each page's visits none, accept, reject. */
/** `shipped`: the list to classify a run's visits by when the run kept none (runs before lists were kept). */
export function consentView(store: Store, runId: number, shipped: () => TrackingList): z.output<typeof runConsentSchema> {
  if (!store.getRun(runId)) throw new ServiceError('not-found', `run ${runId} does not exist`);
  const recorded = recordedConsent(store.listEvidence(runId), (sha) => store.readBlob(sha));
  return { pages: recorded.pages, unreadable: recorded.unreadable, tracking: recorded.tracking ?? shipped() };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A full-page screenshot is a few MB at most; anything bigger is not shown in the app (it stays in the pack). */
export const MAX_SCREENSHOT_BYTES = 16 * 1024 * 1024;

/** A stored screenshot for display: only evidence of kind 'screenshot' whose bytes are a PNG (signature and IHDR). */
export function consentScreenshot(store: Store, sha256: string): z.output<typeof screenshotSchema> {
  const meta = store.getEvidence(sha256);
  if (!meta || meta.kind !== 'screenshot') throw new ServiceError('not-found', `no screenshot with SHA-256 ${sha256}`);
  if (meta.size > MAX_SCREENSHOT_BYTES) throw new ServiceError('invalid', `the screenshot is ${meta.size} bytes, more than the app shows (${MAX_SCREENSHOT_BYTES})`);
  const png = store.readBlob(sha256);
  // IHDR is the first chunk: length (4), type (4), then width and height (4 each, big-endian).
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new ServiceError('invalid', `the screenshot ${sha256} is not a PNG`);
  }
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width === 0 || height === 0) throw new ServiceError('invalid', `the screenshot ${sha256} is not a PNG`);
  return { sha256, width, height, pngBase64: png.toString('base64') };
}
