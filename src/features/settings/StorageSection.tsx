import { createResource, Show, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { t } from '../../i18n';
import { estimateStorage } from '../../storage/persist';
import { formatCount, locale } from '../../ui/locale';
import { settled } from '../../ui/settled';

function formatBytes(bytes: number, loc: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(loc, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** Whether the browser promised to keep the data, how much room it takes, and how much is stored. */
export function StorageSection(): JSX.Element {
  const services = useServices();
  const [estimate] = createResource(services.dataVersion, () => estimateStorage());
  const [counts] = createResource(services.dataVersion, () => services.store.counts());
  return (
    <section class="card" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('settings:storage.title')}</h2>
      <p data-testid="persist-status" data-state={services.persistence()} class={`persist persist--${services.persistence()}`}>
        {t(`settings:storage.persist.${services.persistence()}`)}
      </p>
      {/* settled(): read, the resources would suspend the whole settings page at each refetch (after an import
          or a restore) and take the keyboard focus with it. */}
      <Show when={settled(counts)}>
        {(c) => (
          <p>{t('settings:storage.counts', { debtors: formatCount(c().debtors), invoices: formatCount(c().invoices) })}</p>
        )}
      </Show>
      <Show when={settled(estimate)}>
        {(e) => (
          <p class="muted">
            {t('settings:storage.usage', { used: formatBytes(e().usageBytes, locale()), quota: formatBytes(e().quotaBytes, locale()) })}
          </p>
        )}
      </Show>
    </section>
  );
}
