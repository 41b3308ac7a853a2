import { For, Show, type JSX } from 'solid-js';
import type { Contact } from '../../domain/entities';
import { t } from '../../i18n';
import { mailtoHref, telHref } from '../../domain/export/links';

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
                  {/* A stored value that fails its check (typed before the checks existed) shows as text, never as a link. */}
                  <Show when={contact.phone}>
                    <Show when={telHref(contact.phone)} fallback={<span data-testid="contact-phone-text">{contact.phone}</span>}>
                      {(href) => (
                        <a href={href()}>
                          <span class="sr-only">{t('dossier:contacts.call', { name: contact.name })} </span>
                          {contact.phone}
                        </a>
                      )}
                    </Show>
                  </Show>
                  <Show when={contact.email}>
                    <Show when={mailtoHref(contact.email)} fallback={<span data-testid="contact-email-text">{contact.email}</span>}>
                      {(href) => (
                        <a href={href()}>
                          <span class="sr-only">{t('dossier:contacts.email', { name: contact.name })} </span>
                          {contact.email}
                        </a>
                      )}
                    </Show>
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
