import { createMemo, createResource, createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { useServices } from '../../../session/store-context';
import type { DebtorBundle } from '../../../domain/bundle';
import { toWallTime } from '../../../domain/calendar/zonedTime';
import { recapEmail } from '../../../domain/drafts/recapEmail';
import type { Activity, PaymentPlan, Task } from '../../../domain/entities';
import { formatDateTime } from '../../../domain/format';
import { t } from '../../../i18n';
import { CoachHints } from '../../../ui/coach/CoachHints';
import { useCoach } from '../../../ui/coach/use-coach';
import { locale } from '../../../ui/locale';
import { storageErrorMessage } from '../../../ui/storage-error';
import { downloadText } from '../../../ui/download';
import { readRecapCall } from '../../../domain/call/recap-call';
import { copyText, openMailto } from './clipboard';
import { useKeptDraft, type DraftFields } from './recap-draft-keeper';
import { recapDraftInput } from './recap-input';
import { emlFileName, fullMessageId, isEmailAddress, newMessageId, recapEml, recapMailto, recapStage, recapTaskDone, sentActivity, type RecapChannel, type RecapMessage, type RecapStage } from './recap-send';
import './recap.css';

export interface RecapPanelProps {
  bundle: DebtorBundle;
  /** The call activity the recap confirms. */
  activity: Activity;
  plan: PaymentPlan | null;
  /** The dossier's tasks as this screen knows them: the call's recap task is marked done on the first send. */
  tasks: readonly Task[];
  /** Opened at once (a commitment to confirm), or offered behind a button. */
  open: boolean;
  /** h3 inside the call's outcome, h2 on its own page. */
  heading: 'h2' | 'h3';
}

interface SentLine {
  at: string;
  channel: RecapChannel;
  stage: RecapStage;
}

/** Sender when the letterhead has no address: a reserved domain (RFC 2606); the mail client sends from its own account. */
const UNKNOWN_SENDER = 'recouvrement@cadence.invalid';

/**
 * The recap email after a call (seed 001): drafted in the debtor's language from the committed outcome,
 * editable, coached live on the 4 C rule, and sent by copy, `mailto:` or `.eml`; each send goes to the timeline.
 */
export function RecapPanel(props: RecapPanelProps): JSX.Element {
  const services = useServices();
  const call = createMemo(() => readRecapCall(props.activity));
  const [creditor] = createResource(() => services.store.getCreditor());
  const draftInput = createMemo(() => {
    const c = call();
    return c ? recapDraftInput({ call: c, bundle: props.bundle, signature: services.settings().signature, plan: props.plan }) : null;
  });
  const draft = createMemo(() => {
    const input = draftInput();
    return input ? recapEmail(input.email) : { subject: '', text: '' };
  });
  const draftLang = () => props.bundle.debtor.language;
  const [shown, setShown] = createSignal(props.open);
  const [to, setTo] = createSignal(draftInput()?.to.email ?? '');
  const [subject, setSubject] = createSignal(draft().subject);
  const [body, setBody] = createSignal(draft().text);
  const [status, setStatus] = createSignal<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [sent, setSent] = createSignal<SentLine[]>([]);
  // Prepared earlier (say, yesterday's download) and never confirmed: the confirmation is still asked for.
  const before = recapStage(props.bundle.activities, props.activity.id);
  const stage = (): RecapStage | null => (sent().some((l) => l.stage === 'sent') ? 'sent' : sent().length > 0 ? 'prepared' : before.stage);
  const lastChannel = (): RecapChannel => sent().at(-1)?.channel ?? before.channel ?? 'eml';
  const [tasksDone, setTasksDone] = createSignal<string[]>([]);
  // The live 4 C coach reads the subject and the body together, in the debtor's language.
  const coachedText = () => `${subject()}\n${body()}`;
  const hints = useCoach(coachedText, () => ({ locale: draftLang(), kind: 'recap' }));
  const toInvalid = () => to().trim() !== '' && !isEmailAddress(to());
  const ids = `recap-${props.activity.id}`;

  const message = (): RecapMessage => ({ to: to(), toName: draftInput()?.to.name ?? '', subject: subject(), body: body() });
  const from = () => ({ name: services.settings().agentName, address: creditor()?.email.trim() || UNKNOWN_SENDER });

  // The agent's edits survive a closed tab: read back on opening, written on every keystroke.
  const kept = useKeptDraft(services.store, props.activity.id, props.bundle.debtor.id, (fields) => {
    setTo(fields.to);
    setSubject(fields.subject);
    setBody(fields.body);
  });
  const edit = (change: Partial<DraftFields>): void => {
    if (change.to !== undefined) setTo(change.to);
    if (change.subject !== undefined) setSubject(change.subject);
    if (change.body !== undefined) setBody(change.body);
    kept.keep({ to: to(), subject: subject(), body: body() });
  };

  const reset = () => {
    setSubject(draft().subject);
    setBody(draft().text);
    setTo(draftInput()?.to.email ?? '');
    kept.forget();
  };

  /**
   * Records the recap in the timeline: `prepared` when it left Cadence, `sent` when the agent confirms it
   * went out, which alone marks the call's recap task done. Tells the agent either way.
   */
  async function record(channel: RecapChannel, messageId: string, done: string, stage: RecapStage = 'prepared'): Promise<void> {
    const at = new Date().toISOString();
    const { store, settings } = services;
    try {
      await store.addActivity(
        sentActivity({ id: `email-${crypto.randomUUID()}`, debtorId: props.bundle.debtor.id, at, agent: settings().agentName, channel, message: message(), messageId, callActivityId: props.activity.id, stage }),
      );
      setSent((list) => [...list, { at, channel, stage }]);
      const remaining = props.tasks.filter((task) => !tasksDone().includes(task.id));
      const task = stage === 'sent' ? recapTaskDone(remaining, draftInput()?.recapTaskId ?? null, at) : null;
      if (task) {
        await store.putTask(task);
        setTasksDone((list) => [...list, task.id]);
      }
      setStatus({ text: task ? `${done} ${t('recap:send.taskDone')}` : done, error: false });
      services.dataChanged();
    } catch (error) {
      setStatus({ text: t('recap:send.recordFailed', { reason: storageErrorMessage(error) }), error: true });
    }
  }

  async function send(channel: RecapChannel): Promise<void> {
    if (busy()) return;
    if (channel === 'eml' && !isEmailAddress(to())) {
      setStatus({ text: t('recap:toInvalid'), error: true });
      document.getElementById(`${ids}-to`)?.focus();
      return;
    }
    setBusy(true);
    const left = newMessageId(Date.now(), crypto.randomUUID());
    const id = fullMessageId(left, from());
    try {
      if (channel === 'eml') {
        const file = emlFileName(props.bundle.debtor.name, toWallTime(Date.now()).date);
        downloadText(file, recapEml({ message: message(), from: from(), at: new Date().toISOString(), messageId: left, lang: draftLang() }), 'message/rfc822');
        return await record('eml', id, t('recap:send.emlSaved', { file }));
      }
      const url = channel === 'mailto' ? recapMailto(message()) : null;
      if (url) {
        openMailto(url);
        return await record('mailto', id, t('recap:send.mailtoOpened'));
      }
      // Copy asked for, or a mailto link too long for a URL: the text goes to the clipboard.
      if (!(await copyText(`${subject()}\n\n${body()}`))) return void setStatus({ text: t('recap:send.copyFailed'), error: true });
      await record('clipboard', id, channel === 'mailto' ? t('recap:send.mailtoTooLong') : t('recap:send.copied'));
    } finally {
      setBusy(false);
    }
  }

  /** The agent's word that the recap went out: one action, recorded once. */
  async function confirmSent(): Promise<void> {
    if (busy() || stage() === 'sent') return;
    setBusy(true);
    try {
      await record(lastChannel(), fullMessageId(newMessageId(Date.now(), crypto.randomUUID()), from()), t('recap:send.confirmed'), 'sent');
    } finally {
      setBusy(false);
    }
    // The button pressed is gone: the keyboard's focus goes to what replaced it, not to the page.
    queueMicrotask(() => document.getElementById(`${ids}-confirmed`)?.focus());
  }

  const callDate = () => formatDateTime(props.activity.at, locale());
  return (
    <section
      class={props.heading === 'h2' ? 'recap recap--page' : 'recap'}
      aria-labelledby={`${ids}-title`}
      data-testid="recap"
      data-open={shown()}
      data-draft-saved={kept.saveState().savedSeq}
      data-draft-pending={kept.saveState().pending}
    >
      <Dynamic component={props.heading} id={`${ids}-title`} class="recap__title">
        {t('recap:title')}
      </Dynamic>
      <Show
        when={shown()}
        fallback={
          <>
            <p class="muted">{t('recap:offer')}</p>
            <button type="button" class="btn" data-testid="recap-write" onClick={() => setShown(true)}>
              {t('recap:writeFor', { date: callDate() })}
            </button>
          </>
        }
      >
        <p class="muted">{t('recap:intro')}</p>
        <Show when={kept.restoredAt()}>
          {(at) => (
            <p class="small" data-testid="recap-restored">
              {t('recap:draft.restored', { when: formatDateTime(at(), locale()) })}
            </p>
          )}
        </Show>
        <p class="small">
          {t('recap:language', { language: t(`recap:languages.${draftLang()}`) })}
          <Show when={call()?.recapNow}>
            {' '}
            <span class="badge badge--warning">{t('recap:recapNow')}</span>
          </Show>
        </p>
        <div class="field">
          <label for={`${ids}-to`}>{t('recap:to')}</label>
          <input
            id={`${ids}-to`}
            class="input"
            type="email"
            autocomplete="off"
            data-testid="recap-to"
            value={to()}
            aria-invalid={toInvalid() ? 'true' : undefined}
            aria-describedby={`${ids}-to-hint`}
            readOnly={kept.reading()}
            onInput={(e) => edit({ to: e.currentTarget.value })}
          />
          <p id={`${ids}-to-hint`} class="field__hint">
            {to().trim() ? t('recap:toHint', { name: draftInput()?.to.name ?? '' }) : t('recap:toMissing')}
          </p>
        </div>
        <div class="field">
          <label for={`${ids}-subject`}>{t('recap:subject')}</label>
          <input
            id={`${ids}-subject`}
            class="input"
            lang={draftLang()}
            data-testid="recap-subject"
            value={subject()}
            readOnly={kept.reading()}
            onInput={(e) => edit({ subject: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for={`${ids}-body`}>{t('recap:body')}</label>
          <textarea
            id={`${ids}-body`}
            class="input recap__body"
            lang={draftLang()}
            rows="18"
            spellcheck
            data-testid="recap-body"
            aria-describedby={`${ids}-body-hint ${ids}-wording`}
            value={body()}
            readOnly={kept.reading()}
            onInput={(e) => edit({ body: e.currentTarget.value })}
          />
          <p id={`${ids}-body-hint`} class="field__hint">
            {t('recap:bodyHint')}
          </p>
        </div>
        <CoachHints id={`${ids}-wording`} testId="recap-wording" text={coachedText()} hints={hints()} />
        {/* While a send runs its buttons are aria-disabled, not disabled: a disabled button drops the keyboard's focus. */}
        <div class="actions recap__send" role="group" aria-label={t('recap:send.legend')}>
          <button type="button" class="btn btn--primary" data-testid="recap-eml" aria-disabled={busy()} onClick={() => void send('eml')}>
            {t('recap:send.eml')}
          </button>
          <button type="button" class="btn" data-testid="recap-mailto" aria-disabled={busy()} onClick={() => void send('mailto')}>
            {t('recap:send.mailto')}
          </button>
          <button type="button" class="btn" data-testid="recap-copy" aria-disabled={busy()} onClick={() => void send('clipboard')}>
            {t('recap:send.copy')}
          </button>
          <button type="button" class="btn btn--ghost" data-testid="recap-reset" onClick={reset}>
            {t('recap:reset')}
          </button>
        </div>
        <Switch>
          <Match when={stage() === 'prepared'}>
            <div class="recap__confirm notice notice--warning" data-testid="recap-confirm">
              <p>{t('recap:confirm.ask')}</p>
              <button type="button" class="btn btn--primary" data-testid="recap-confirm-sent" aria-disabled={busy()} onClick={() => void confirmSent()}>
                {t('recap:confirm.action')}
              </button>
            </div>
          </Match>
          <Match when={stage() === 'sent'}>
            <p class="notice notice--ok" data-testid="recap-confirmed" id={`${ids}-confirmed`} tabindex="-1">
              {t('recap:confirm.done')}
            </p>
          </Match>
        </Switch>
        <Show when={kept.saveState().error !== null}>
          <p class="field__error" role="alert" data-testid="recap-draft-error">
            {t('recap:draft.saveFailed', { reason: storageErrorMessage(kept.saveState().error) })}
          </p>
        </Show>
        <p class={status()?.error ? 'field__error' : 'form-status'} role="status" data-testid="recap-status">
          {status()?.text ?? ''}
        </p>
        <Show when={sent().length > 0}>
          <div data-testid="recap-sent">
            <p class="small strong">{t('recap:sent.title')}</p>
            <ul class="plain small">
              <For each={sent()}>
                {(line) => (
                  <li>
                    {t('recap:sent.line', {
                      when: formatDateTime(line.at, locale()),
                      channel: line.stage === 'sent' ? t('recap:sent.confirmed') : t(`recap:sent.channel.${line.channel}`),
                    })}
                  </li>
                )}
              </For>
            </ul>
          </div>
        </Show>
      </Show>
    </section>
  );
}
