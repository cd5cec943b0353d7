import { defineConfig, type Options } from 'tsup';

// One build for every published package: ESM + CJS + types + source maps from tsconfig.build.json.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // esbuild renames a class whose name it must free up (\`class _ProtocolError\`), and users read
  // \`error.constructor.name\` in logs and error reporters: keep every class and function its name.
  keepNames: true,
  tsconfig: 'tsconfig.build.json',
}) as Options;
