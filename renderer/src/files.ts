import type { Upload } from '../../electron/shared/contract';

/** A file chosen in an <input type="file">, as the contract carries it: its name and its bytes in base64. */
export async function toUpload(file: File): Promise<Upload> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return { fileName: file.name, base64: btoa(binary) };
}
