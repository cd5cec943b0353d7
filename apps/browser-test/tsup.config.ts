import { defineConfig } from 'tsup';

// The test page, bundled for the browser: everything inlined (protocol-core, zod, the `./fetch` entries
// of transport-http and transport-sse, the `./browser` entry of transport-ws), from the workspace
// sources through the `@mcpwire/source` condition, so the page needs no other package built.
// `index.html` is copied next to `main.js`. `platform: 'browser'`: a `node:` import reaching the page
// fails the build.
export default defineConfig({
  entry: { main: 'src/page/main.ts' },
  outDir: 'dist/page',
  format: ['esm'],
  platform: 'browser',
  target: 'es2022',
  tsconfig: 'tsconfig.page.json',
  sourcemap: true,
  clean: true,
  dts: false,
  splitting: false,
  noExternal: [/./],
  publicDir: 'src/page/static',
  esbuildOptions(options) {
    options.conditions = ['@mcpwire/source', 'browser', 'module'];
  },
});
