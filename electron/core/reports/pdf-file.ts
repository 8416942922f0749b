// Writing a pdfkit document to disk: laid out by the caller, piped to `file.tmp` and renamed once complete, so a
// failure leaves no half-written PDF behind (the tmp file is removed).
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createDoc, type Doc, type DocMeta } from './pdf-layout';

export async function writeDocFile(file: string, meta: DocMeta, draw: (doc: Doc) => void): Promise<void> {
  const tmp = `${file}.tmp`;
  const out = createWriteStream(tmp);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  finished.catch(() => undefined); // awaited below; a failure before that is handled in the catch
  const closed = new Promise<void>((resolve) => out.on('close', () => resolve()));
  try {
    const doc = createDoc(meta);
    doc.on('error', (e: Error) => out.destroy(e));
    doc.pipe(out);
    draw(doc);
    doc.end();
    await finished;
    await rename(tmp, file);
  } catch (error) {
    out.destroy();
    await closed;
    await rm(tmp, { force: true });
    throw error;
  }
}
