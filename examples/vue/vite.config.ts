import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  // Relative asset URLs, so dist/ works from any folder (the repository's tests serve it from
  // /examples/vue/dist/).
  base: './',
  plugins: [
    vue({
      template: {
        // <paper-*> are custom elements, not Vue components: Vue renders them as they are.
        compilerOptions: { isCustomElement: (tag) => tag.startsWith('paper-') },
      },
    }),
  ],
});
