/** The media type of a Content-Type header, lower-cased, without parameters; '' when there is none. */
export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

const SNIFF_BYTES = 8192;

/**
 * Whether a body is binary rather than text, judged like `file` and git do: a NUL byte or a share of
 * control characters no text has, in the first 8 KiB. UTF-16 with a byte-order mark is text.
 */
export function looksBinary(body: Buffer): boolean {
  if (hasUtf16Bom(body)) return false;
  const head = body.subarray(0, SNIFF_BYTES);
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    // C0 controls other than tab, newline, form feed, carriage return and escape.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) controls += 1;
  }
  return head.length > 0 && controls / head.length > 0.02;
}

function hasUtf16Bom(body: Buffer): boolean {
  return body.length >= 2 && ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff));
}

const CHARSET = /charset\s*=\s*["']?([\w.:-]+)/i;
const META_CHARSET = /<meta[^>]{0,500}charset\s*=\s*["']?([\w.:-]+)/i;

/** An HTML document as a browser would render it: an HTML type (or none at all) and a body that is text. */
export function isHtmlDocument(contentType: string | null, body: Buffer): boolean {
  const type = mediaType(contentType);
  return (type === 'text/html' || type === 'application/xhtml+xml' || type === '') && !looksBinary(body);
}

/**
 * The body as text: a byte-order mark wins, then the charset of the Content-Type header, then a `<meta charset>`
 * in the first 2 KiB, else UTF-8. Bytes that are invalid in the encoding become U+FFFD; decoding never throws.
 */
export function decodeText(body: Buffer, contentType: string | null): string {
  let label = 'utf-8';
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) label = 'utf-8';
  else if (body.length >= 2 && body[0] === 0xff && body[1] === 0xfe) label = 'utf-16le';
  else if (body.length >= 2 && body[0] === 0xfe && body[1] === 0xff) label = 'utf-16be';
  else label = CHARSET.exec(contentType ?? '')?.[1] ?? META_CHARSET.exec(body.subarray(0, 2048).toString('latin1'))?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
