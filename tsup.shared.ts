import { defineConfig, type Options } from 'tsup';

// One build for every published package: ESM + CJS + types + source maps from tsconfig.build.json.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // No keepNames: it wraps every function and class in a top-level `__name()` call that a user's
  // bundler cannot drop, which cost the browser client 45 KB. Class names stay right because no class
  // body names its own class (esbuild renames those to `_Name`); build.names.test.ts checks it.
  tsconfig: 'tsconfig.build.json',
}) as Options;
