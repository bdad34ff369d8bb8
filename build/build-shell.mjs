// Bundles the Electron main script and the preloads (the app's and the passphrase prompt's) as
// CommonJS, as Electron's sandboxed preload needs. JIGSAW_SHELL_OUT bundles into another folder
// (tests and parallel work never write into dist/). pdfkit stays external: bundled, it looks for its
// font data beside the bundle and fails; it loads from node_modules like the SQLite module.
import { build } from 'esbuild';

const out = process.env.JIGSAW_SHELL_OUT ?? 'dist/electron';
// import.meta.url is undefined in CommonJS: the worker locators then look beside __dirname.
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: false, logLevel: 'warning', define: { 'import.meta.url': 'undefined' } };
await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: `${out}/main.cjs`, external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfkit'] });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: `${out}/preload.cjs`, external: ['electron'] });
await build({ ...common, entryPoints: ['electron/preload/passphrase-preload.ts'], outfile: `${out}/passphrase-preload.cjs`, external: ['electron'] });
// Heavy work runs off the main process: the import and export workers sit beside main.cjs.
// The import worker starts the plan worker beside it, which reads and dates rows while it stores them.
for (const [folder, name] of [['import', 'import'], ['export', 'export'], ['import', 'plan']]) {
  await build({ ...common, entryPoints: [`electron/engine/${folder}/${name}-worker.ts`], outfile: `${out}/${name}-worker.cjs`, external: ['better-sqlite3-multiple-ciphers', 'pdfkit'] });
}
console.log(`built ${out}/main.cjs, preload.cjs, passphrase-preload.cjs, import-worker.cjs, export-worker.cjs and plan-worker.cjs`);
