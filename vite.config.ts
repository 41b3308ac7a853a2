import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      // 'prompt' so an agent mid-call is never reloaded under their feet: the app asks first.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'favicon.svg'],
      manifest: {
        name: 'Cadence — relance téléphonique',
        short_name: 'Cadence',
        description: 'Guide les appels de relance des clients professionnels, garde chaque trace et rédige la suite.',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1f4e79',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // Every browser Cadence supports (es2022) handles <link rel="modulepreload"> natively: no polyfill.
  build: { target: 'es2022', sourcemap: false, modulePreload: { polyfill: false } },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
