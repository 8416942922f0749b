import type { EvidenceView } from '../../shared/contract';
import type { Store } from '../store';
import { ServiceError } from './dispatch';

/** Enough to read a body excerpt or a whole exchange document; bigger bodies are cut here, not in the store. */
const MAX_TEXT_BYTES = 256 * 1024;
const STRUCTURED = new Set(['http-exchange', 'tls-handshake', 'tls-protocols']);

/** One evidence item for display: metadata, its content as capped text and, for documents, the parsed JSON. */
export function evidenceView(store: Store, sha256: string): EvidenceView {
  const meta = store.getEvidence(sha256);
  if (!meta) throw new ServiceError('not-found', `no evidence with SHA-256 ${sha256}`);
  const content = store.readBlob(sha256);
  const truncated = content.length > MAX_TEXT_BYTES;
  const text = content.subarray(0, MAX_TEXT_BYTES).toString('utf8');
  let json: unknown = null;
  if (STRUCTURED.has(meta.kind) && !truncated) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  return { ...meta, text, truncated, json };
}
