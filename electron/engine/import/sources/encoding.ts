// Detects a text file's encoding from its bytes (BOM, UTF-16 byte patterns, strict UTF-8
// validity), falling back to Windows-1252, which is what older Windows exports write.
import fs from 'node:fs';

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows-1252';

export function detectEncoding(file: string): { encoding: TextEncoding; bomBytes: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    const h = head.subarray(0, n);
    if (h[0] === 0xef && h[1] === 0xbb && h[2] === 0xbf) return { encoding: 'utf8', bomBytes: 3 };
    if (h[0] === 0xff && h[1] === 0xfe) return { encoding: 'utf16le', bomBytes: 2 };
    if (h[0] === 0xfe && h[1] === 0xff) return { encoding: 'utf16be', bomBytes: 2 };
    // UTF-16 without a BOM: text in the ASCII range leaves every other byte zero.
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i + 1 < h.length; i += 2) {
      if (h[i] === 0) evenZeros++;
      if (h[i + 1] === 0) oddZeros++;
    }
    const pairs = Math.floor(h.length / 2);
    if (pairs > 8 && oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return { encoding: 'utf16le', bomBytes: 0 };
    if (pairs > 8 && evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return { encoding: 'utf16be', bomBytes: 0 };
    return { encoding: isValidUtf8(fd) ? 'utf8' : 'windows-1252', bomBytes: 0 };
  } finally {
    fs.closeSync(fd);
  }
}

/** Streams the whole file through a strict decoder: one invalid sequence anywhere means not UTF-8. */
function isValidUtf8(fd: number): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const buf = Buffer.alloc(1024 * 1024);
  let pos = 0;
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) break;
      decoder.decode(buf.subarray(0, n), { stream: true });
      pos += n;
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}
