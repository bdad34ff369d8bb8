// Hands an exported file to the browser's (or Electron's) download: a Blob URL on an <a download>,
// the same in the web host and the desktop shell, with no file-system access from the page.
import type { ExportedFile } from '../../../shared/export';

export function saveExported(f: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = f.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: the download reads the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
