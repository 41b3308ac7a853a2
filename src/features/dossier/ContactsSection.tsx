import { For, Show, type JSX } from 'solid-js';
import type { Contact } from '../../domain/entities';
import { t } from '../../i18n';
import { telHref } from './dossier-view';

/** Preferred contact first: it is the one to ask for when the call starts. */
export function ContactsSection(props: { contacts: Contact[] }): JSX.Element {
  const ordered = () => [...props.contacts].sort((a, b) => Number(b.preferred) - Number(a.preferred));
  return (
    <section class="card" data-testid="contacts" aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t('dossier:contacts.title')}</h2>
      <Show when={props.contacts.length > 0} fallback={<p class="muted">{t('dossier:contacts.none')}</p>}>
        <ul class="contacts">
          <For each={ordered()}>
            {(contact) => (
              <li class="contact" classList={{ 'contact--preferred': contact.preferred }}>
                <p class="contact__name">
                  {contact.name}
                  <Show when={contact.preferred}>
                    <span class="badge badge--ok">{t('dossier:contacts.preferred')}</span>
                  </Show>
                </p>
                <p class="contact__role">{t(`role.${contact.role}`)}</p>
                <p class="contact__links">
                  <Show when={contact.phone}>
                    <a href={telHref(contact.phone)}>
                      <span class="sr-only">{t('dossier:contacts.call', { name: contact.name })} </span>
                      {contact.phone}
                    </a>
                  </Show>
                  <Show when={contact.email}>
                    <a href={`mailto:${contact.email}`}>
                      <span class="sr-only">{t('dossier:contacts.email', { name: contact.name })} </span>
                      {contact.email}
                    </a>
                  </Show>
                </p>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
