// The passphrase prompt's page: static HTML with no script (its preload wires the form), built as a
// data: URL so it needs no file and no network. Text is escaped: file names come from the user.
export interface PromptSpec {
  title: string;
  message: string;
  /** Ask twice (a new passphrase). */
  confirm: boolean;
  error?: string;
}

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function passphrasePageUrl(spec: PromptSpec): string {
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}"><title>${escapeHtml(spec.title)}</title>
<style>body{font:15px system-ui,sans-serif;margin:20px;color:#1a1a1a}label{display:block;margin:12px 0 4px}
input{width:100%;box-sizing:border-box;font-size:15px;padding:6px}.err{color:#a00000;min-height:1.2em}
.row{display:flex;gap:8px;justify-content:flex-end;margin-top:16px}button{font-size:15px;padding:6px 14px}</style></head>
<body><form id="f"><p>${escapeHtml(spec.message)}</p>
<label for="p1">Passphrase</label><input id="p1" type="password" autocomplete="off" autofocus required>
${spec.confirm ? '<label for="p2">Type it again</label><input id="p2" type="password" autocomplete="off" required>' : ''}
<p class="err" id="err" role="alert">${escapeHtml(spec.error ?? '')}</p>
<div class="row"><button type="button" id="cancel">Cancel</button><button type="submit">OK</button></div></form></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
