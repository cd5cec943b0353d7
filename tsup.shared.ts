import { defineConfig, type Options } from 'tsup';

// One build for every published package: ESM + CJS + types + source maps from tsconfig.build.json.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
}) as Options;
