import type { Configuration } from 'electron-builder';

/**
 * The desktop installers: `npm run build && npx electron-builder --win` (NSIS first: most
 * call-center PCs run Windows; --mac and --linux use the same settings). Packaging downloads the
 * Electron runtime and NSIS, so it runs on a build machine with a network (ELECTRON_MIRROR works
 * here too) and Node 22: this repository's machines cannot, and its tests check these settings
 * without packaging (tests/unit/electron/packaging.test.ts).
 */

/**
 * Electron's fuses, flipped in the packaged binary before it is signed. Each one set explicitly,
 * so an Electron upgrade that adds one fails the packaging test until someone decides.
 */
export const ELECTRON_FUSES = {
  // Off: ELECTRON_RUN_AS_NODE would turn the signed console into a plain Node interpreter.
  runAsNode: false,
  // On: the session's cookies are encrypted with the OS keychain (the console keeps none today).
  enableCookieEncryption: true,
  // Off: NODE_OPTIONS and NODE_EXTRA_CA_CERTS could inject code or trust into the main process.
  enableNodeOptionsEnvironmentVariable: false,
  // Off: --inspect, --inspect-brk and SIGUSR1 could attach a debugger to the main process.
  enableNodeCliInspectArguments: false,
  // On, with the next: the app.asar's hash is checked at load, and nothing but it is loaded.
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  // Off: the renderer comes from app://, so file:// pages need none of their old privileges.
  grantFileProtocolExtraPrivileges: false,
} as const satisfies NonNullable<Configuration['electronFuses']>;

const config: Configuration = {
  appId: 'com.supervisor-console.desktop',
  productName: '值班主管控制台',
  executableName: 'supervisor-console',
  copyright: 'Supervisor Console',
  directories: { output: 'dist', buildResources: 'build' },
  // The built app only (electron-vite's out/); no sources, tests or source maps.
  files: ['out/**/*', 'package.json', '!**/*.map'],
  asar: true,
  // A native module cannot load from inside the archive: better-sqlite3's binary stays beside it.
  asarUnpack: ['**/*.node'],
  // better-sqlite3 is rebuilt for the packaged Electron (the Node build serves the tests).
  npmRebuild: true,
  electronFuses: ELECTRON_FUSES,
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    artifactName: 'supervisor-console-${version}-setup.${ext}',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    installerLanguages: ['zh_CN', 'en_US'],
    language: '2052',
    shortcutName: '值班主管控制台',
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    // The data folder (%APPDATA%\supervisor-console) holds the records: uninstalling keeps it.
    deleteAppDataOnUninstall: false,
  },
  mac: { target: 'dmg', category: 'public.app-category.business' },
  linux: { target: 'AppImage', category: 'Office' },
};

export default config;
