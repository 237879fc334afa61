import { defineConfig } from 'vite';

// The web workbench (src/web) is built into dist/web, which `caijian serve` serves. pdf.js is not bundled:
// the server ships it from node_modules under /vendor/pdfjs (see src/server/static.ts).

export default defineConfig({
  root: 'src/web',
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
});
