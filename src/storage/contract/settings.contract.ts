/**
 * Contract: settings and the records beside them, recap drafts, clearAll, and what holds for every method:
 * nothing handed out or taken in is shared with what is stored, writes queue rather than lose each other,
 * a closed store refuses with `closed`.
 */
import { describe, expect, it } from 'vitest';
import { openItemsOf } from '../../domain/summary';
import { makeActivity, makeBundle, makeContact, makeInvoice, makePromise, makeTask } from '../../../tests/fixtures/db/builders';
import type { RecapDraft } from '../../domain/drafts/recap-draft';
import { DEFAULT_SETTINGS } from '../../domain/entities';
import { StorageError } from '../errors';
import { DEFAULT_CREDITOR, DEFAULT_RATE_SETTINGS } from '../preferences';
import { summaryOf, type MakeStore } from './harness';
import { plan } from './plans.contract';

export const draft = (over: Partial<RecapDraft> = {}): RecapDraft => ({
  schemaVersion: 1,
  id: 'act-call-1',
  debtorId: 'deb-1',
  to: 'compta@exemple.fr',
  subject: 'Suite à notre appel',
  body: 'Bonjour,\n\nComme convenu…',
  updatedAt: '2026-11-23T09:00:00.000Z',
  ...over,
});

export function settingsContract(setup: MakeStore): void {
  describe('settings and clearAll', () => {
    it('stores valid settings and refuses invalid ones', async () => {
      const store = await setup();
      await store.putSettings({ ...DEFAULT_SETTINGS, language: 'en', agentName: 'Léo' });
      expect(await store.getSettings()).toMatchObject({ language: 'en', agentName: 'Léo' });
      await expect(store.putSettings({ ...DEFAULT_SETTINGS, language: 'de' as 'en' })).rejects.toMatchObject({ kind: 'invalid' });
      expect((await store.getSettings()).language).toBe('en');
    });

    it('clearAll empties every store, settings included', async () => {
      const store = await setup();
      await store.putBundles([makeBundle({ contacts: [makeContact()], invoices: [makeInvoice()], tasks: [makeTask()], promises: [makePromise()], activities: [makeActivity()] })]);
      await store.putSettings({ ...DEFAULT_SETTINGS, agentName: 'Léo' });
      await store.clearAll();
      expect(await store.isEmpty()).toBe(true);
      expect(await store.counts()).toEqual({ debtors: 0, invoices: 0 });
      expect(await store.listSummaries()).toEqual([]);
      expect(await store.getDossier('d1')).toBeUndefined();
      expect(await store.findDebtorIdsByInvoiceNumber('FA', 5)).toEqual([]);
      expect(await store.getSettings()).toEqual(DEFAULT_SETTINGS);
    });

    it('clearAll also forgets plans, drafts, rates and the creditor, back to the defaults', async () => {
      const store = await setup();
      await store.putBundles([makeBundle({ invoices: [makeInvoice()] })]);
      await store.proposePlan(plan());
      await store.putRecapDraft(draft());
      await store.putRateSettings({ ...DEFAULT_RATE_SETTINGS, contractual: { d1: 900 } });
      await store.putCreditor({ ...DEFAULT_CREDITOR, iban: 'FR00' });
      await store.clearAll();
      expect(await store.listPlans()).toEqual([]);
      expect(await store.getRecapDraft(draft().id)).toBeUndefined();
      expect(await store.getRateSettings()).toEqual(DEFAULT_RATE_SETTINGS);
      expect(await store.getCreditor()).toEqual(DEFAULT_CREDITOR);
    });

    it('hands out copies of the defaults: editing one never edits the next', async () => {
      const store = await setup();
      const settings = await store.getSettings();
      settings.agentName = 'changed';
      const rates = await store.getRateSettings();
      rates.ecb[0]!.bp = -1;
      rates.contractual['d1'] = 1;
      const creditor = await store.getCreditor();
      creditor.address.city = 'changed';
      expect(await store.getSettings()).toEqual(DEFAULT_SETTINGS);
      expect(await store.getRateSettings()).toEqual(DEFAULT_RATE_SETTINGS);
      expect(await store.getCreditor()).toEqual(DEFAULT_CREDITOR);
    });
  });

  describe('recap drafts', () => {
    it('keeps the newest edit of each recap, and forgets it on delete and clearAll', async () => {
      const store = await setup();
      expect(await store.getRecapDraft('act-call-1')).toBeUndefined();
      await store.putRecapDraft(draft());
      await store.putRecapDraft(draft({ body: 'Bonjour Madame,', updatedAt: '2026-11-23T09:00:05.000Z' }));
      await store.putRecapDraft(draft({ id: 'act-call-2', subject: 'Autre appel' }));
      expect(await store.getRecapDraft('act-call-1')).toEqual(draft({ body: 'Bonjour Madame,', updatedAt: '2026-11-23T09:00:05.000Z' }));
      await store.deleteRecapDraft('act-call-1');
      expect(await store.getRecapDraft('act-call-1')).toBeUndefined();
      await store.clearAll();
      expect(await store.getRecapDraft('act-call-2')).toBeUndefined();
      store.close();
    });

    it('refuses a draft that fails its schema and writes nothing', async () => {
      const store = await setup();
      await expect(store.putRecapDraft({ ...draft(), updatedAt: 'now' })).rejects.toMatchObject({ kind: 'invalid', store: 'drafts' });
      await expect(store.putRecapDraft({ ...draft(), body: 'x'.repeat(100_001) })).rejects.toMatchObject({ kind: 'invalid', store: 'drafts' });
      expect(await store.getRecapDraft('act-call-1')).toBeUndefined();
      store.close();
    });
  });

  describe('every method', () => {
    it('never shares an object with the store: edits to what was written or read change nothing stored', async () => {
      const store = await setup();
      const bundle = makeBundle({ contacts: [makeContact()], invoices: [makeInvoice()], activities: [makeActivity()] });
      await store.putBundles([bundle]);
      const stored = await store.getDossier('d1');
      bundle.debtor.name = 'edited after write';
      bundle.invoices[0]!.amountInclVatCents = 1;
      stored!.debtor.name = 'edited after read';
      stored!.contacts[0]!.name = 'edited after read';
      stored!.activities.push(makeActivity({ id: 'pushed' }));
      const again = await store.getDossier('d1');
      expect(again?.debtor.name).toBe(makeBundle().debtor.name);
      expect(again?.invoices[0]?.amountInclVatCents).toBe(makeInvoice().amountInclVatCents);
      expect(again?.contacts[0]?.name).toBe(makeContact().name);
      expect(again?.activities.map((a) => a.id)).toEqual([makeActivity().id]);
      const [summary] = await store.listSummaries();
      summary!.openItems.length = 0;
      expect(openItemsOf((await summaryOf(store, 'd1'))!)).toHaveLength(1);
      const written = draft();
      await store.putRecapDraft(written);
      written.body = 'edited after write';
      const read = await store.getRecapDraft(written.id);
      read!.subject = 'edited after read';
      expect(await store.getRecapDraft(written.id)).toEqual(draft());
    });

    it('runs writes started together one after the other: none is lost', async () => {
      const store = await setup();
      await store.putBundles([makeBundle()]);
      const ids = ['i1', 'i2', 'i3', 'i4', 'i5'];
      await Promise.all(ids.map((id, k) => store.putInvoice(makeInvoice({ id, number: `FA-${k}` }))));
      expect((await store.getDossier('d1'))?.invoices.map((i) => i.id).sort()).toEqual(ids);
      expect(openItemsOf((await summaryOf(store, 'd1'))!)).toHaveLength(ids.length);
    });

    it('fails with StorageError values of a known kind', async () => {
      const store = await setup();
      const failure = await store.putTask(makeTask({ debtorId: 'ghost' })).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(StorageError);
      expect(failure).toMatchObject({ name: 'StorageError', kind: 'not_found', store: 'debtors', key: 'ghost' });
    });

    it('refuses every call once closed, with `closed`', async () => {
      const store = await setup();
      await store.putBundles([makeBundle()]);
      store.close();
      await expect(store.getDossier('d1')).rejects.toMatchObject({ kind: 'closed' });
      await expect(store.putBundles([makeBundle()])).rejects.toMatchObject({ kind: 'closed' });
      await expect(store.getSettings()).rejects.toMatchObject({ kind: 'closed' });
    });
  });
}
