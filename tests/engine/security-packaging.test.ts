// Packaging, checked without Electron's download: electron-builder.yml against electron-builder's
// own schema, the installer targets, and build/after-pack.cjs run for real (with @electron/fuses)
// on a stand-in binary that carries Electron's fuse wire.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers';

const require = createRequire(import.meta.url);

describe('packaging', () => {
  it('electron-builder.yml passes electron-builder’s schema and builds every installer with the native module unpacked', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(dir: string, file: string, x: null): Promise<Record<string, unknown>>;
      validateConfiguration(c: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown };
    const config = (await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null)) as {
      linux: { target: string[] };
      win: { target: string[] };
      mac: { target: string[] };
      asar: boolean;
      asarUnpack: string[];
      npmRebuild: boolean;
      afterPack: string;
    };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack.join()).toContain('better-sqlite3-multiple-ciphers');
    expect(config.npmRebuild).toBe(true);
    expect(fs.existsSync(path.join(ROOT, config.afterPack))).toBe(true);
  });

  it('after-pack flips the fuses: no RunAsNode, NODE_OPTIONS or inspector; asar integrity and asar-only on', async () => {
    const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as typeof import('@electron/fuses');
    const dir = tempDir();
    const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');
    // Electron's shipped defaults: RunAsNode, NODE_OPTIONS, inspect and file:// privileges on.
    const wire = Buffer.concat([Buffer.from([1, 8]), Buffer.from('10110001')]);
    fs.writeFileSync(path.join(dir, 'jigsaw'), Buffer.concat([Buffer.alloc(4096, 7), sentinel, wire, Buffer.alloc(4096, 9)]));
    const afterPack = (require(path.join(ROOT, 'build/after-pack.cjs')) as { default(ctx: unknown): Promise<void> }).default;
    await afterPack({ electronPlatformName: 'linux', appOutDir: dir, arch: 1, packager: { executableName: 'jigsaw', appInfo: { productFilename: 'Jigsaw' } } });
    const fuses = await getCurrentFuseWire(path.join(dir, 'jigsaw'));
    const on = (f: number): boolean => fuses[f as keyof typeof fuses] === 49;
    expect(on(FuseV1Options.RunAsNode)).toBe(false);
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
    expect(on(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(false);
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe(true);
  });
});
