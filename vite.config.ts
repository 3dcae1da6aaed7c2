import { defineConfig } from 'vite';

/**
 * Vite serves the demo page (`npm start`, index.html on the built-in sample corpus) and builds the
 * self-contained, minified script-tag file for CDNs (`cdn/paper-feed.js`, Lit included).
 * The unbundled ES modules for npm come from `tsc -p tsconfig.build.json` (see `npm run build`).
 */
export default defineConfig({
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: 'cdn',
    emptyOutDir: true,
    target: 'es2022',
    copyPublicDir: false,
    sourcemap: true,
    lib: {
      entry: 'src/cdn.ts',
      formats: ['es'],
      fileName: () => 'paper-feed.js',
    },
    rolldownOptions: {
      output: { minify: true },
    },
  },
});
