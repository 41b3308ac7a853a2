import { A, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { todayIso } from '../../session/today';
import { ACTIVITY_SCHEMA_VERSION } from '../../domain/entities';
import { formatDate, formatDateTime, formatMoney } from '../../domain/format';
import { LADDER_OUTCOMES, LADDER_STEP_KEY } from '../../domain/ladder/ladder';
import { outstandingCents } from '../../domain/payments/allocation';
import { i18n, t } from '../../i18n';
import { locale } from '../../ui/locale';
import { usePageTitle } from '../../ui/page-title';
import { storageErrorMessage } from '../../ui/storage-error';
import { downloadText } from '../../ui/download';
import { SheetFrame } from './SheetFrame';
import { buildHandover, handoverFileName, handoverJson, type Handover } from './handover';
import './letter.css';

function Summary(props: { doc: Handover }): JSX.Element {
  const money = (cents: number) => formatMoney(cents, locale());
  const date = (iso: string) => formatDate(iso, locale());
  const d = () => props.doc;
  // The country only when it is not the creditor's own, as on the letters' address blocks.
  const address = (a: Handover['debtor']['address']) =>
    [a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country !== d().creditor.address.country ? a.country : undefined].filter(Boolean).join('\n');
  return (
    <article class="letter-sheet handover-sheet" data-testid="handover-summary">
      <p class="letter-subject">{t('letters:handover.docTitle', { name: d().debtor.name, date: date(d().asOf) })}</p>
      <div class="handover-parties">
        <section aria-labelledby="ho-creditor">
          <h2 id="ho-creditor">{t('letters:handover.creditor')}</h2>
          <p class="letter-lines">{[d().creditor.name, address(d().creditor.address), d().creditor.email, d().creditor.phone, d().creditor.siren && `SIREN ${d().creditor.siren}`].filter(Boolean).join('\n')}</p>
        </section>
        <section aria-labelledby="ho-debtor">
          <h2 id="ho-debtor">{t('letters:handover.debtor')}</h2>
          <p class="letter-lines">{[d().debtor.name, address(d().debtor.address), d().debtor.siren && `SIREN ${d().debtor.siren}`].filter(Boolean).join('\n')}</p>
          <For each={d().contacts}>{(c) => <p>{[c.name, c.phone, c.email].filter(Boolean).join(' · ')}</p>}</For>
        </section>
      </div>
      <h2>{t('letters:handover.claim')}</h2>
      <table class="letter-table letter-totals">
        <tbody>
          <tr>
            <th scope="row">{t('letters:handover.overdue')}</th>
            <td class="num">{money(d().balance.overdueCents)}</td>
          </tr>
          <tr>
            <th scope="row">{d().penalties.basis === 'legal' ? t('letters:handover.legalInterest') : t('letters:handover.interest')}</th>
            <td class="num">{money(d().penalties.interestCents)}</td>
          </tr>
          {/* A consumer owes no recovery indemnity (D441-5 is for businesses): the row is not even shown. */}
          <Show when={d().penalties.basis !== 'legal'}>
            <tr>
              <th scope="row">{t('letters:handover.indemnity')}</th>
              <td class="num">{money(d().penalties.indemnityCents)}</td>
            </tr>
          </Show>
          <tr>
            <th scope="row">{t('letters:handover.total')}</th>
            <td class="num" data-testid="handover-total">{money(d().totalClaimedCents)}</td>
          </tr>
        </tbody>
      </table>
      <h2>{t('letters:handover.invoices')}</h2>
      <table class="letter-table">
        <thead>
          <tr>
            <th scope="col">{t('letters:handover.col.number')}</th>
            <th scope="col">{t('letters:handover.col.issued')}</th>
            <th scope="col">{t('letters:handover.col.due')}</th>
            <th scope="col" class="num">{t('letters:handover.col.inclVat')}</th>
            <th scope="col" class="num">{t('letters:handover.col.outstanding')}</th>
            <th scope="col">{t('letters:handover.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={d().invoices}>
            {(i) => (
              <tr>
                <td>{i.number}</td>
                <td>{date(i.issueDate)}</td>
                <td>{date(i.dueDate)}</td>
                <td class="num">{money(i.amountInclVatCents)}</td>
                <td class="num">{money(outstandingCents(i))}</td>
                <td>{t(`letters:handover.invoiceStatus.${i.status}`)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <h2>{t('letters:handover.promises', { count: d().promisesBroken })}</h2>
      <Show when={d().promises.length > 0} fallback={<p>{t('letters:handover.noPromise')}</p>}>
        <ul>
          <For each={d().promises}>
            {(p) => <li>{t('letters:handover.promise', { amount: money(p.amountCents), date: date(p.dueDate), status: t(`dossier:promises.status.${p.status}`) })}</li>}
          </For>
        </ul>
      </Show>
      <h2>{t('letters:handover.history')}</h2>
      <table class="letter-table">
        <tbody>
          <For each={d().activities}>
            {(a) => (
              <tr>
                <td class="handover-when">{formatDateTime(a.at, locale())}</td>
                <td>
                  <span class="strong">{t(`activity.${a.type}`)}</span>
                  {a.outcome && i18n.exists(`outcome.${a.outcome}`) ? ` · ${t(`outcome.${a.outcome}`)}` : ''} — {a.summary} <span class="muted">({a.agent})</span>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </article>
  );
}

/** `/debtors/:id/handover`: the whole traced dossier for the agency, printable and as a versioned JSON file. */
export default function HandoverPage(): JSX.Element {
  const params = useParams<{ id: string }>();
  const services = useServices();
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal('');
  const [data] = createResource(
    () => params.id,
    async (id) => {
      const [bundle, plans, creditor, rates] = await Promise.all([
        services.store.getDossier(id),
        services.store.listPlans({ debtorId: id }),
        services.store.getCreditor(),
        services.store.getRateSettings(),
      ]);
      return bundle ? { bundle, plans, creditor, rates } : undefined;
    },
  );
  const doc = createMemo(() => {
    const d = data();
    return d ? buildHandover({ ...d, settings: services.settings(), today: todayIso(), now: new Date().toISOString() }) : undefined;
  });
  usePageTitle(() => t('letters:handover.title'));

  const download = (h: Handover) => downloadText(handoverFileName(h.debtor.name, h.asOf), handoverJson(h), 'application/json');
  const markHandedOver = async (h: Handover) => {
    if (busy()) return;
    setBusy(true);
    try {
      await services.store.addActivity({
        schemaVersion: ACTIVITY_SCHEMA_VERSION,
        id: `act-${crypto.randomUUID()}`,
        debtorId: h.debtor.id,
        type: 'note',
        at: new Date().toISOString(),
        outcome: 'sent',
        summary: t('letters:handover.sentSummary', { amount: formatMoney(h.totalClaimedCents, locale()) }),
        agent: services.settings().agentName,
        details: { [LADDER_STEP_KEY]: LADDER_OUTCOMES.agencyHandover, totalCents: h.totalClaimedCents },
      });
      services.dataChanged();
      navigate(`/debtors/${encodeURIComponent(h.debtor.id)}`);
    } catch (error) {
      setFailure(storageErrorMessage(error));
      setBusy(false);
    }
  };

  return (
    <section class="page letter-page" aria-labelledby="handover-title">
      <Switch fallback={<p role="status">{t('loading')}</p>}>
        <Match when={data.error as unknown}>
          <h1 id="handover-title">{t('letters:loadFailed')}</h1>
          <p role="alert">{storageErrorMessage(data.error)}</p>
        </Match>
        <Match when={data.state === 'ready' && !data()}>
          <h1 id="handover-title">{t('dossier:notFound.title')}</h1>
        </Match>
        <Match when={doc()}>
          {(h) => (
            <>
              <div class="letter-toolbar no-print">
                <div>
                  <h1 id="handover-title">{t('letters:handover.title')}</h1>
                  <p class="muted">{h().debtor.name}</p>
                </div>
                <div class="actions">
                  <button type="button" class="btn btn--primary" onClick={() => window.print()}>
                    {t('letters:print')}
                  </button>
                  <button type="button" class="btn" data-testid="handover-json" onClick={() => download(h())}>
                    {t('letters:handover.download')}
                  </button>
                  <button type="button" class="btn" data-testid="handover-mark" aria-disabled={busy()} onClick={() => void markHandedOver(h())}>
                    {t('letters:handover.mark')}
                  </button>
                  <A href={`/debtors/${encodeURIComponent(h().debtor.id)}`} class="btn btn--ghost">
                    {t('letters:back')}
                  </A>
                </div>
              </div>
              <p class="field__error no-print" role="alert">
                {failure()}
              </p>
              <SheetFrame label={t('letters:preview.handover')}>
                <Summary doc={h()} />
              </SheetFrame>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
