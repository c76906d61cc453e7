import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dashboard lives in web/ and builds to web/dist, which api/server.ts serves.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
});
