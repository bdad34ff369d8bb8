/// <reference lib="dom" />
// Preload of the passphrase prompt only: wires the page's form and sends back one answer. The page
// gets no API at all (nothing is exposed to its world).
import { ipcRenderer } from 'electron';

window.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('f') as HTMLFormElement;
  const p1 = document.getElementById('p1') as HTMLInputElement;
  const p2 = document.getElementById('p2') as HTMLInputElement | null;
  const err = document.getElementById('err') as HTMLElement;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (p2 && p2.value !== p1.value) {
      err.textContent = 'The two passphrases do not match';
      return;
    }
    ipcRenderer.send('passphrase:answer', p1.value);
  });
  document.getElementById('cancel')!.addEventListener('click', () => ipcRenderer.send('passphrase:answer', null));
});
