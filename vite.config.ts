import { defineConfig, type Plugin } from 'vite';
import { minifyHTMLLiterals } from 'minify-literals';

/**
 * Minifies the HTML and CSS inside Lit's html`` and css`` templates of the CDN build: a JS
 * minifier leaves template strings untouched, and they are a third of the bundle.
 */
function minifyTemplates(): Plugin {
  return {
    name: 'minify-lit-templates',
    apply: 'build',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css|svg)`/.test(code)) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}

/**
 * Vite serves the demo page (`npm start`, index.html on the built-in sample corpus) and builds the
 * self-contained, minified script-tag file for CDNs (`cdn/paper-feed.js`, Lit included).
 * The unbundled ES modules for npm come from `tsc -p tsconfig.build.json` (see `npm run build`).
 */
export default defineConfig(({ command }) => ({
  // Relative asset URLs in the build: the search worker must resolve next to the chunks on any
  // CDN path, not at the site root.
  base: command === 'build' ? './' : '/',
  plugins: [minifyTemplates()],
  worker: { format: 'es' },
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
      // Lets the entry export the modules (Lit, shared helpers) that lazy chunks also use, so they
      // stay in paper-feed.js instead of a second always-loaded common chunk.
      preserveEntrySignatures: 'allow-extension',
      output: {
        minify: true,
        // No comments at all: the file is for script tags, not for bundlers (which would read
        // its /* @__PURE__ */ annotations), and Lit's license comments are dropped already.
        comments: false,
        chunkFileNames: 'chunks/[name]-[hash].js',
        codeSplitting: {
          // Every module the entry imports statically goes into paper-feed.js. Without this group,
          // rolldown's automatic chunking moved Lit and the text helpers into always-loaded common
          // chunks after unrelated edits (a module shared with lazy chunks only merges into the
          // entry when no common chunk shares it).
          groups: [{ name: 'paper-feed', tags: ['$initial'] }],
        },
      },
    },
  },
}));
