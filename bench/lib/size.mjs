/** First-load JS of the app next to the floor app built in the same run, and the precache size. */
import { allJs, firstLoad } from './first-load.mjs';
import { buildBenchPage } from './build.mjs';
import { precacheSize } from './precache.mjs';
import { measureFirstScreen } from './first-screen.mjs';

export async function runSize({ app, origin, tmpDir, log }) {
  const floorBuild = await buildBenchPage('floor', `${tmpDir}/floor`);
  log(`  floor built in ${floorBuild.ms} ms`);
  const firstScreen = await measureFirstScreen({ origin, outDir: app.outDir, graph: app.graph });
  log(`  first screen, returning visit: ${firstScreen.files.length} scripts fetched`);
  return {
    firstScreen,
    app: firstLoad(app.outDir, app.graph),
    floor: firstLoad(floorBuild.outDir, floorBuild.graph),
    precache: precacheSize(app.outDir),
    appAllJs: allJs(app.outDir),
    floorLibraries: ['solid-js', '@solidjs/router', 'idb', 'zod/mini', 'i18next', 'workbox-window'],
  };
}
