/**
 * The web app's build. `npm run build:web` writes dist/web, which the API
 * server serves statically with an SPA fallback to index.html. `npm run
 * dev:web` serves the app with hot reload and forwards /api to a running
 * server (FILMRIGHTS_API, default http://127.0.0.1:3000).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // The world shapes are fetched as a hashed asset (cached forever), not inlined.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': process.env.FILMRIGHTS_API ?? 'http://127.0.0.1:3000' },
  },
});
