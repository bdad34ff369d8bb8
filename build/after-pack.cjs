// Electron fuses, flipped in the packaged binary before it is signed: no running as plain Node, no
// NODE_OPTIONS, no inspector, asar integrity checked, app code loaded only from the asar, no extra
// privileges for file:// (the app uses app://), cookies encrypted. strictlyRequireAllFuses makes a
// future Electron with a new fuse fail the build until someone decides its setting here.
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

exports.FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

exports.default = async function afterPack(context) {
  const ext = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' }[context.electronPlatformName];
  const name = context.electronPlatformName === 'linux' ? context.packager.executableName : context.packager.appInfo.productFilename;
  const binary = path.join(context.appOutDir, `${name}${ext}`);
  // Flipping fuses breaks the ad-hoc signature of an arm64 macOS binary; it is signed again after.
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && [3, 4].includes(context.arch); // builder-util Arch.arm64, universal
  await flipFuses(binary, { ...exports.FUSES, resetAdHocDarwinSignature });
};
