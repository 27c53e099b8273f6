import { AppSettingsProviders } from '@/components/providers-app-settings';
import { SettingsNav } from '@/components/settings/settings-nav';
import { PageHeader } from '@/components/shell/page-header';
import { requireOwnedApp } from '@/lib/apps/owned-app';

export default async function SettingsLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ appId: string }>;
}) {
  const { app } = await requireOwnedApp((await params).appId);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title="Settings" description={app.name} />
      <SettingsNav appId={app.publicId} />
      <AppSettingsProviders>{children}</AppSettingsProviders>
    </div>
  );
}
