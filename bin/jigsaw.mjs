#!/usr/bin/env node
// Runs the TypeScript command line directly (tsx), so `npx jigsaw` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../electron/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));
