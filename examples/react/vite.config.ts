import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative asset URLs, so dist/ works from any folder (the repository's tests serve it from
  // /examples/react/dist/).
  base: './',
  plugins: [react()],
  // The main chunk includes the 200 kB sample corpus (imported as JSON), hence the higher limit.
  build: { chunkSizeWarningLimit: 1024 },
});
