// The media type of an uploaded document (a DPA, an attachment), from its first bytes; the name only breaks ties
// for plain text. A file that claims to be a PDF but is not stays application/octet-stream.
const MAGIC: readonly [string, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['application/zip', [0x50, 0x4b, 0x03, 0x04]],
];

const TEXT_NAMES = /\.(txt|md|csv|log|eml)$/i;

export function documentMediaType(content: Buffer, fileName: string): string {
  for (const [type, magic] of MAGIC) if (magic.every((b, i) => content[i] === b)) return type;
  if (TEXT_NAMES.test(fileName) && !content.subarray(0, 4096).includes(0)) return 'text/plain; charset=utf-8';
  return 'application/octet-stream';
}
