import { createSignal, For, Index, Show, type JSX } from 'solid-js';
import type { Instalment } from '../../domain/call/context';
import { planProblems } from '../../domain/call/rules';
import { formatMoney } from '../../domain/format';
import { lang, t } from '../../i18n';
import { horizonEnd, PLAN_HORIZON_YEARS } from '../../domain/input/bounds';
import { centsToInput, readAmountCents } from '../../domain/money/parse';
import { dateRangeValues } from './date-range';
import type { CallView } from './use-call-session';

interface Row {
  date: string;
  amount: string;
}

/**
 * A payment-plan request: the debtor makes the first offer (instalment dates and amounts), recorded as a
 * proposal for the team lead to approve. Recorded as soon as every row holds.
 */
export function PlanForm(props: { view: CallView; intl: string; totalOverdueCents: number }): JSX.Element {
  const existing = () => {
    const c = props.view.commitment();
    return c?.kind === 'plan' ? c : null;
  };
  const [rows, setRows] = createSignal<Row[]>(
    existing()?.instalments.map((i) => ({ date: i.date, amount: centsToInput(i.amountCents, lang()) })) ?? [{ date: '', amount: '' }],
  );
  const [note, setNote] = createSignal(existing()?.note ?? '');

  const parsed = (): Instalment[] | null => {
    const out: Instalment[] = [];
    for (const row of rows()) {
      const cents = readAmountCents(row.amount, lang());
      if (typeof cents !== 'number' || row.date === '') return null;
      out.push({ date: row.date, amountCents: cents });
    }
    return out;
  };
  const touched = () => rows().some((r) => r.date !== '' || r.amount !== '');
  const problems = () => {
    const list = parsed();
    if (!list) return touched() ? ['incomplete'] : [];
    return planProblems(list, props.view.today());
  };
  const total = () => (parsed() ?? []).reduce((sum, i) => sum + i.amountCents, 0);

  const sync = () => {
    const instalments = parsed();
    if (!instalments || planProblems(instalments, props.view.today()).length > 0) {
      // Emptied or no longer valid on screen: the call must not keep recording the previous plan.
      if (existing()) props.view.send({ type: 'CLEAR_COMMITMENT', kind: 'plan' });
      return;
    }
    const event = { type: 'PROPOSE_PLAN' as const, instalments, note: note() };
    const now = existing();
    if (now && JSON.stringify(now.instalments) === JSON.stringify(instalments) && now.note === note().trim()) return;
    if (props.view.can(event)) props.view.send(event);
  };
  const setRow = (index: number, patch: Partial<Row>) => {
    setRows((list) => list.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    sync();
  };

  return (
    <div class="commit-form" data-testid="plan-form">
      <p class="muted small">{t('callscreen:plan.intro')}</p>
      <ol class="instalments">
        <Index each={rows()}>
          {(row, index) => (
            <li class="instalment">
              <div class="field">
                <label for={`plan-date-${index}`}>{t('call:fields.instalmentDate')}</label>
                <input
                  id={`plan-date-${index}`}
                  class="input input--date"
                  type="date"
                  min={props.view.today()}
                  max={horizonEnd(props.view.today(), PLAN_HORIZON_YEARS)}
                  value={row().date}
                  onInput={(e) => setRow(index, { date: e.currentTarget.value })}
                />
              </div>
              <div class="field">
                <label for={`plan-amount-${index}`}>{t('call:fields.instalmentAmount')}</label>
                <input
                  id={`plan-amount-${index}`}
                  class="input input--amount"
                  inputmode="decimal"
                  autocomplete="off"
                  value={row().amount}
                  onInput={(e) => setRow(index, { amount: e.currentTarget.value })}
                />
              </div>
              <Show when={rows().length > 1}>
                <button
                  type="button"
                  class="btn btn--ghost"
                  onClick={() => {
                    setRows((list) => list.filter((_, i) => i !== index));
                    sync();
                  }}
                >
                  {t('callscreen:plan.remove', { n: index + 1 })}
                </button>
              </Show>
            </li>
          )}
        </Index>
      </ol>
      <button type="button" class="btn" data-testid="plan-add" onClick={() => setRows((list) => [...list, { date: '', amount: '' }])}>
        {t('callscreen:plan.add')}
      </button>
      <p class="small" aria-live="polite">
        {t('callscreen:plan.total', { total: formatMoney(total(), props.intl), overdue: formatMoney(props.totalOverdueCents, props.intl) })}
      </p>
      <ul class="problems" aria-live="polite">
        <For each={problems()}>{(p) => <li>{p === 'incomplete' ? t('callscreen:plan.incomplete') : t(`call:planProblems.${p}`, dateRangeValues(props.view.today(), props.intl, PLAN_HORIZON_YEARS))}</li>}</For>
      </ul>
      <div class="field">
        <label for="plan-note" class="field__label">
          {t('call:fields.planNote')}
        </label>
        <textarea
          id="plan-note"
          class="input"
          rows="2"
          value={note()}
          onInput={(e) => {
            setNote(e.currentTarget.value);
            sync();
          }}
        />
      </div>
      <p class="notice notice--warning small">{t('call:planStatus.awaiting_approval')}</p>
    </div>
  );
}
