// CSV text → records. RFC 4180 as spreadsheets write it: a field in double quotes may hold the separator, line
// breaks and "" for a quote; a quote inside an unquoted field is an ordinary character; an unterminated quote
// runs to the end of the text (lenient, never throws). CRLF, LF and CR all end a record.

/** UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (what Excel on Windows saves as "CSV"). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // ignoreBOM: false (the default) drops a leading UTF-8 BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// Windows-1252 differs from Latin-1 in 0x80–0x9F (€, „, “, ‚, –, …). Node's TextDecoder('windows-1252') decodes
// those as Latin-1 control characters, so the table is applied here; undefined bytes map to themselves.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = new TextDecoder('windows-1252').decode(bytes);
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

export const SEPARATORS = [';', ',', '\t'] as const;
export type Separator = (typeof SEPARATORS)[number];

export function parseCsv(text: string, separator: Separator): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  const endField = (): void => {
    record.push(field);
    field = '';
  };
  const endRecord = (): void => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < n) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      // A quoted field: up to the closing quote, "" being one quote.
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) {
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, close);
        if (text[close + 1] === '"') {
          field += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      continue;
    }
    if (c === separator) endField();
    else if (c === '\n') endRecord();
    else if (c === '\r') {
      endRecord();
      if (text[i + 1] === '\n') i++;
    } else {
      // Plain characters up to the next separator or line break, in one slice.
      let end = i + 1;
      while (end < n && text[end] !== separator && text[end] !== '\n' && text[end] !== '\r') end++;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    i++;
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

/** Excel's "sep=;" first line names the separator. */
export function declaredSeparator(text: string): { separator: Separator; rest: string } | undefined {
  const m = /^sep=([;,\t])\r?\n/.exec(text);
  return m ? { separator: m[1] as Separator, rest: text.slice(m[0].length) } : undefined;
}
