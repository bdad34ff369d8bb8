// Starts the TypeScript plan worker where it runs from source (web host, CLI, tests): tsx is
// registered in this thread first, as bin/*.mjs do for the main thread.
import { register } from 'tsx/esm/api';

register();
await import('./plan-worker.ts');
