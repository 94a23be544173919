// The text of a .sql file as SQL Server tools save it: SSMS writes "Unicode" (UTF-16 LE with a byte
// order mark) by default, SSDT and editors UTF-8 with or without a BOM, older tools the Windows code
// page (Estonian: windows-1257). A schema read as the wrong encoding would be silently empty.

import { TextDecoder } from 'node:util';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function legacyDecoder(): TextDecoder | undefined {
  try {
    return new TextDecoder('windows-1257');
  } catch {
    return undefined; // a Node without full ICU
  }
}

/** UTF-16 LE without a BOM: ASCII-heavy SQL has a zero in every odd byte. */
function looksUtf16Le(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 256) & ~1;
  if (n < 4) return false;
  let zeros = 0;
  for (let i = 1; i < n; i += 2) if (buf[i] === 0 && buf[i - 1] !== 0) zeros++;
  return zeros >= (n / 2) * 0.8;
}

/** Decodes by byte order mark, then UTF-16 LE by its zero bytes, then strict UTF-8, else windows-1257. */
export function decodeSqlFile(buf: Buffer): string {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.toString('utf8', 3);
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.toString('utf16le', 2);
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1)));
    return swapped.swap16().toString('utf16le');
  }
  if (looksUtf16Le(buf)) return buf.toString('utf16le');
  try {
    return UTF8.decode(buf);
  } catch {
    // Mostly UTF-8 with a stray byte (a pasted value) stays UTF-8; otherwise it is the Windows code page.
    const loose = buf.toString('utf8');
    let bad = 0;
    let good = 0;
    for (let i = 0; i < loose.length; i++) {
      const c = loose.charCodeAt(i);
      if (c === 0xfffd) bad++;
      else if (c > 0x7f) good++;
    }
    return good > bad ? loose : legacyDecoder()?.decode(buf) ?? buf.toString('latin1');
  }
}
