/**
 * Import direction (see docs/architecture.md): app → transport/storage → exports → core;
 * server → exports → core.
 * core imports nothing of ours and nothing that needs a DOM, a disk or a network.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'src/core is pure domain logic: it may import only itself, zod, fflate and @noble/hashes (synchronous SHA-256 for the chain).',
      severity: 'error',
      from: { path: '^src/core' },
      to: { pathNot: ['^src/core', 'node_modules/(zod|fflate|@noble/hashes)/'] },
    },
    {
      name: 'storage-only-on-core',
      severity: 'error',
      from: { path: '^src/storage' },
      to: { path: '^src/(app|transport|server|sw)' },
    },
    {
      name: 'transport-not-on-screens-or-server',
      severity: 'error',
      from: { path: '^src/transport' },
      to: { path: '^src/(app|server|sw)' },
    },
    {
      name: 'exports-only-on-core',
      comment:
        'Export formats (src/exports) write core tables; the kiosk and the collector both use them.',
      severity: 'error',
      from: { path: '^src/exports' },
      to: { path: '^src/(app|storage|transport|server|sw)' },
    },
    {
      name: 'server-only-on-core',
      comment: 'The collector server shares the domain core, never browser code.',
      severity: 'error',
      from: { path: '^src/server' },
      to: { path: '^src/(app|storage|transport|sw)' },
    },
    {
      name: 'node-builtins-only-on-server',
      comment:
        "Node's own modules (node:fs, node:crypto, buffer …) exist on the collector server only; the kiosk, the phone and the office screens run in a browser (tsconfig.app.json has no Node types either).",
      severity: 'error',
      from: { path: '^src', pathNot: '^src/server' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'nothing-imports-screens',
      severity: 'error',
      from: { pathNot: '^src/(app|main\\.tsx)' },
      to: { path: '^src/app' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: "Vite's asset suffixes (?url) resolve at build time, not on disk.",
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '[?]url$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    exclude: { path: '\\.d\\.ts$' },
  },
};
