/**
 * On the dossier, the agent's edits of this debtor, its contacts or its invoices that the team server did not
 * apply because a teammate's change reached it first: which field, the value lost, the value kept and by whom.
 * Shown where the agent works on the dossier rather than only in Settings → Team, so a lost edit is seen, never
 * silently dropped; dismissing it here dismisses it there too. Alone (no team), nothing shows.
 */
import { For, Show, createMemo, type JSX } from 'solid-js';
import type { DebtorBundle } from '../../domain/bundle';
import { t } from '../../i18n';
import { useTeam } from '../../session/team-context';
import { lostEditText } from '../../session/team-text';
import type { LostEdit } from '../../sync/protocol';

/** The lost edits that belong to this dossier, with the name of the record they were about. */
function dossierEdits(edits: readonly LostEdit[], bundle: DebtorBundle): { edit: LostEdit; about: string }[] {
  const names = new Map<string, string>();
  names.set(`debtor:${bundle.debtor.id}`, bundle.debtor.name);
  for (const c of bundle.contacts) names.set(`contact:${c.id}`, c.name);
  for (const i of bundle.invoices) names.set(`invoice:${i.id}`, i.number);
  return edits.flatMap((edit) => {
    const about = names.get(`${edit.kind}:${edit.recordId}`);
    return about === undefined ? [] : [{ edit, about }];
  });
}

export function DossierLostEdits(props: { bundle: DebtorBundle }): JSX.Element {
  const team = useTeam();
  const edits = createMemo(() => dossierEdits(team()?.lostEdits() ?? [], props.bundle));
  return (
    <Show when={edits().length > 0}>
      <section class="card lost-edits" aria-labelledby="dossier-lost-title" data-testid="dossier-lost-edits">
        <h2 id="dossier-lost-title">{t('team:lost.dossierTitle')}</h2>
        {/* A status region: a screen reader hears it when a sync brings a lost edit while the dossier is open. */}
        <div role="status">
          <p class="muted">{t('team:lost.dossierIntro', { count: edits().length })}</p>
          <ul class="lost-edits__list">
            <For each={edits()}>
              {(item) => {
                const text = () => lostEditText(item.edit);
                return (
                  <li class="lost-edit" data-testid="dossier-lost-edit" data-field={item.edit.field}>
                    <span>
                      <strong>{item.about}</strong> — {text()}
                    </span>
                    <button
                      type="button"
                      class="btn"
                      aria-label={t('team:lost.dismissLabel', { text: `${item.about} — ${text()}` })}
                      onClick={() => void team()?.dismissLostEdit(item.edit)}
                    >
                      {t('team:lost.dismiss')}
                    </button>
                  </li>
                );
              }}
            </For>
          </ul>
        </div>
      </section>
    </Show>
  );
}
