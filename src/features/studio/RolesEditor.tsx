import { For, type JSX } from 'solid-js';
import { CONTACT_ROLES } from '../../domain/entities';
import { t } from '../../i18n';
import type { CallScript } from '../../scripts/schema';
import { fieldDomId } from '../../scripts/studio/paths';
import { useEditor } from './editor-context';

/** How the script says each contact role when it reads `{contact.role}` aloud. */
export function RolesEditor(props: { roles: CallScript['roles'] }): JSX.Element {
  const editor = useEditor();
  return (
    <section class="card" aria-labelledby="roles-head">
      <h2 id="roles-head">{t('studio:editor.roles')}</h2>
      <p class="muted">{t('studio:editor.rolesHint')}</p>
      <div class="studio-roles">
        <For each={CONTACT_ROLES}>
          {(role) => (
            <div class="field">
              <label for={fieldDomId(`roles.${role}`)}>{t(`studio:roles.${role}`)}</label>
              <input
                id={fieldDomId(`roles.${role}`)}
                class="input"
                value={props.roles[role]}
                readOnly={editor.readOnly()}
                aria-invalid={editor.errorsAt(`roles.${role}`).length ? 'true' : undefined}
                onInput={(e) => editor.edit(`roles.${role}`, e.currentTarget.value)}
              />
              <For each={editor.errorsAt(`roles.${role}`)}>{(m) => <p class="field__error">{m}</p>}</For>
            </div>
          )}
        </For>
      </div>
    </section>
  );
}
