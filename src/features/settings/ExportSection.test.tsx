import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import Papa from 'papaparse';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppServices, ServicesProvider, type AppServices } from '../../session/store-context';
import { generateDemoPortfolio } from '../../domain/demo';
import { DEFAULT_SETTINGS } from '../../domain/entities';
import { initI18n, loadNamespaces } from '../../i18n';
import { openCadenceDb } from '../../storage/db';
import { createCadenceStore } from '../../storage/store';
import { buildWorklist } from '../../domain/worklist';
import { todayIso } from '../../session/today';
import { ExportSection } from './ExportSection';

/** Reading, planning and IndexedDB on a shared, loaded machine: wait longer than testing-library's 1 s. */
const SLOW = { timeout: 15_000 };

let services: AppServices;
let seq = 0;
const bundles = generateDemoPortfolio({ today: new Date().toISOString().slice(0, 10) });

beforeAll(async () => {
  await initI18n('fr');
  await loadNamespaces(['settings', 'exports']);
});

beforeEach(async () => {
  const store = createCadenceStore(await openCadenceDb(`export-section-${++seq}-${Date.now()}`));
  await store.putBundles(bundles);
  services = createAppServices(store, DEFAULT_SETTINGS);
});

afterEach(() => {
  cleanup();
  services.store.close();
});

describe('ExportSection', { timeout: 60_000 }, () => {
  it('downloads the promises as a CSV that papaparse reads back, one row per promise', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:x';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(() => (
      <ServicesProvider services={services}>
        <ExportSection />
      </ServicesProvider>
    ));
    fireEvent.click(screen.getByTestId('export-promises'));
    await waitFor(() => expect(blobs).toHaveLength(1), SLOW);
    const bytes = new Uint8Array(await (blobs[0] as Blob).arrayBuffer());
    // The UTF-8 BOM that tells Excel the encoding (Blob#text would strip it, so read the bytes).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(new TextDecoder().decode(bytes), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[0]?.[0]).toBe('Débiteur');
    expect(rows).toHaveLength(bundles.reduce((n, b) => n + b.promises.length, 0) + 1);
    click.mockRestore();
  });

  it('exports the worklist as the worklist ranks it, with each debtor’s next follow-up', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:x';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(() => (
      <ServicesProvider services={services}>
        <ExportSection />
      </ServicesProvider>
    ));
    fireEvent.click(screen.getByTestId('export-worklist'));
    await waitFor(() => expect(blobs).toHaveLength(1), SLOW);
    const rows = Papa.parse<string[]>(new TextDecoder().decode(new Uint8Array(await (blobs[0] as Blob).arrayBuffer())).slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    // The export ranks for the app's today (Europe/Paris), which is not the UTC date from 23:00 or 22:00 UTC.
    const today = todayIso();
    const expected = buildWorklist(await services.store.listSummaries(), today);
    expect(rows.slice(1).map((r) => r[0])).toEqual(expected.map((r) => r.name));
    // The demo has open follow-ups: their date and kind fill the last columns.
    const withTask = expected.filter((r) => r.nextTask);
    expect(withTask.length).toBeGreaterThan(0);
    expect(rows.slice(1).filter((r) => r[8] !== '' && r[9] !== '')).toHaveLength(withTask.length);
    click.mockRestore();
  });
});
