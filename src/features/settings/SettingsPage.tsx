import type { JSX } from 'solid-js';
import { t } from '../../i18n';
import { usePageTitle } from '../../ui/page-title';
import { CreditorSection } from './CreditorSection';
import { RatesSection } from './RatesSection';
import { BackupSection } from './BackupSection';
import { DataSection } from './DataSection';
import { ExportSection } from './ExportSection';
import { LanguageSection } from './LanguageSection';
import { ProfileForm } from './ProfileForm';
import { StorageSection } from './StorageSection';
import { TeamSection } from './TeamSection';
import '../../styles/settings.css';

export default function SettingsPage(): JSX.Element {
  usePageTitle(() => t('settings:title'));
  return (
    <div class="page page--settings">
      <h1>{t('settings:title')}</h1>
      <div class="settings-grid">
        <ProfileForm />
        <div class="settings-col">
          <LanguageSection />
          <StorageSection />
        </div>
        <TeamSection />
        <DataSection />
        <BackupSection />
        <ExportSection />
        <CreditorSection />
        <RatesSection />
      </div>
    </div>
  );
}
