import { A, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { todayIso } from '../../session/today';
import { letter } from '../../domain/drafts/letters';
import { LETTER_KINDS, type LetterKind } from '../../domain/drafts/letterTypes';
import { ACTIVITY_SCHEMA_VERSION } from '../../domain/entities';
import { formatMoney } from '../../domain/format';
import { LADDER_STEP_KEY } from '../../domain/ladder/ladder';
import { t } from '../../i18n';
import { locale } from '../../ui/locale';
import { usePageTitle } from '../../ui/page-title';
import { storageErrorMessage } from '../../ui/storage-error';
import { fillLetter, type LetterContext } from './letter-input';
import { LetterSheet } from './LetterSheet';
import { SheetFrame } from './SheetFrame';
import './letter.css';

const isKind = (k: string): k is LetterKind => (LETTER_KINDS as readonly string[]).includes(k);

function Letter(props: { kind: LetterKind; ctx: LetterContext }): JSX.Element {
  const services = useServices();
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal('');
  const filled = createMemo(() => fillLetter(props.kind, props.ctx));
  const doc = createMemo(() => letter(props.kind, filled().input));
  const debtor = () => props.ctx.bundle.debtor;
  const dossierHref = () => `/debtors/${encodeURIComponent(debtor().id)}`;

  /** The letter goes into the timeline with its ladder step, so the dossier's next rung moves on. */
  const markSent = async () => {
    if (busy()) return;
    setBusy(true);
    setFailure('');
    const numbers = props.ctx.bundle.invoices.filter((i) => filled().invoiceIds.includes(i.id)).map((i) => i.number);
    const deadlineDays = filled().input.deadlineDays;
    try {
      await services.store.addActivity({
        schemaVersion: ACTIVITY_SCHEMA_VERSION,
        id: `act-${crypto.randomUUID()}`,
        debtorId: debtor().id,
        type: 'letter',
        at: new Date().toISOString(),
        outcome: 'sent',
        summary: t('letters:sentSummary', {
          letter: t(`letters:kind.${props.kind}`),
          invoices: numbers.join(', '),
          amount: formatMoney(filled().totalCents, locale()),
        }),
        agent: services.settings().agentName,
        details: {
          [LADDER_STEP_KEY]: props.kind,
          invoiceIds: filled().invoiceIds,
          totalCents: filled().totalCents,
          language: filled().input.locale,
          ...(deadlineDays ? { deadlineDays } : {}),
        },
      });
      services.dataChanged();
      navigate(dossierHref());
    } catch (error) {
      setFailure(storageErrorMessage(error));
      setBusy(false);
    }
  };

  return (
    <>
      <div class="letter-toolbar no-print">
        <div>
          <h1 id="letter-title">{t(`letters:kind.${props.kind}`)}</h1>
          <p class="muted">
            {debtor().name} · {t('letters:inLanguage', { language: t(`letters:language.${filled().input.locale}`) })}
          </p>
        </div>
        <div class="actions">
          <button type="button" class="btn btn--primary" data-testid="letter-print" onClick={() => window.print()}>
            {t('letters:print')}
          </button>
          <button type="button" class="btn" data-testid="letter-mark-sent" disabled={filled().invoiceIds.length === 0} aria-disabled={busy()} onClick={() => void markSent()}>
            {t('letters:markSent')}
          </button>
          <A href={dossierHref()} class="btn btn--ghost">
            {t('letters:back')}
          </A>
        </div>
      </div>
      <p class="field__error no-print" role="alert">
        {failure()}
      </p>
      <Show when={filled().invoiceIds.length > 0} fallback={<p class="notice notice--warning">{t('letters:nothingOverdue')}</p>}>
        <p class="muted no-print">{t('letters:printHint')}</p>
        <SheetFrame label={t('letters:preview.letter')}>
          <LetterSheet doc={doc()} />
        </SheetFrame>
      </Show>
    </>
  );
}

/** `/debtors/:id/letters/:kind`: a reminder letter filled from the dossier, printable on A4. */
export default function LetterPage(): JSX.Element {
  const params = useParams<{ id: string; kind: string }>();
  const services = useServices();
  const [data] = createResource(
    () => params.id,
    async (id) => {
      const [bundle, creditor, rates] = await Promise.all([services.store.getDossier(id), services.store.getCreditor(), services.store.getRateSettings()]);
      return bundle ? { bundle, creditor, rates } : undefined;
    },
  );
  usePageTitle(() => (isKind(params.kind) ? t(`letters:kind.${params.kind}`) : t('letters:unknownKind')));
  return (
    <section class="page letter-page" aria-labelledby="letter-title">
      <Switch fallback={<p role="status">{t('loading')}</p>}>
        <Match when={!isKind(params.kind)}>
          <h1 id="letter-title">{t('letters:unknownKind')}</h1>
        </Match>
        <Match when={data.error as unknown}>
          <h1 id="letter-title">{t('letters:loadFailed')}</h1>
          <p role="alert">{storageErrorMessage(data.error)}</p>
        </Match>
        <Match when={data.state === 'ready' && !data()}>
          <h1 id="letter-title">{t('dossier:notFound.title')}</h1>
          <p>{t('dossier:notFound.body')}</p>
        </Match>
        <Match when={data()}>
          {(ready) => (
            <Letter
              kind={params.kind as LetterKind}
              ctx={{ ...ready(), settings: services.settings(), today: todayIso() }}
            />
          )}
        </Match>
      </Switch>
    </section>
  );
}
