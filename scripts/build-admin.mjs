#!/usr/bin/env node
/**
 * Bundles the newsroom's client script: src/admin/client/main.ts → dist/admin/admin.js (ESM, ES2020, minified,
 * with a linked source map). Served at /admin/assets/admin.js. Exits non-zero when the build fails.
 *
 *   node scripts/build-admin.mjs
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

try {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/admin/client/main.ts'],
    outfile: 'dist/admin/admin.js',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const outputs = Object.entries(result.metafile.outputs).map(([file, { bytes }]) => `${file} ${(bytes / 1024).toFixed(1)} kB`);
  console.log(`admin client built:\n  ${outputs.join('\n  ')}`);
} catch (error) {
  // esbuild has already printed the errors.
  if (!error?.errors) console.error(error);
  process.exitCode = 1;
}
