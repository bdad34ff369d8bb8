// The source has no import cycles: each module's job can be read, tested and moved on its own.
// Type-only imports are skipped (they vanish at build time and cannot cycle at run time).
import madge from 'madge';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

describe('module structure', () => {
  it('has no import cycles in the engine, the shell, the contract or the renderer', async () => {
    const graph = await madge(['electron', 'shared', 'renderer/src'], {
      baseDir: ROOT,
      fileExtensions: ['ts', 'tsx'],
      tsConfig: `${ROOT}/tsconfig.json`,
      excludeRegExp: [/node_modules/, /\.d\.ts$/],
      detectiveOptions: { ts: { skipTypeImports: true }, tsx: { skipTypeImports: true } },
    });
    const modules = Object.keys(graph.obj());
    // The graph was really read: the engine's entry and its imports are in it.
    expect(modules.length).toBeGreaterThan(150);
    expect(graph.obj()['electron/engine/engine.ts']?.length).toBeGreaterThan(10);
    expect(graph.circular()).toEqual([]);
  }, 60_000);
});
