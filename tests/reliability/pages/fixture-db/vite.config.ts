import { defineConfig } from 'vite';

// Built by tests/reliability/build.ts into the app's build folder (same origin as the app).
export default defineConfig({
  build: { target: 'es2022', sourcemap: false },
});
