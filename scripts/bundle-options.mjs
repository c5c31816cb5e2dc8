// What the production build (scripts/build.mjs) and the test runner (scripts/test.mjs) bundle
// alike: ES modules for Node 20 with the pure-JavaScript packages inside. Native addons, files
// read from their package folder (idn-area-data's CSVs), heavy packages loaded only on first
// use (ExcelJS, sharp, qrcode), and build tools stay in node_modules.
export const nodeBundle = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  external: [
    'better-sqlite3',
    '@node-rs/argon2',
    'sharp',
    'idn-area-data',
    'pg-native',
    'exceljs',
    'qrcode',
    'esbuild',
    'tsx',
  ],
  // Bundled CommonJS packages call require() for Node's built-ins; an ES module has none.
  banner: {
    js: "import { createRequire as __lumbungCreateRequire } from 'node:module'; const require = __lumbungCreateRequire(import.meta.url);",
  },
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  logLevel: 'warning',
};
