import type { Metadata } from 'next';
import { AppSettingsForm } from '@/components/apps/app-settings-form';
import { DeleteAppCard } from '@/components/apps/delete-app-card';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requireOwnedApp } from '@/lib/apps/owned-app';
import { COUNTRIES } from '@/lib/countries';

type Props = { params: Promise<{ appId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { app } = await requireOwnedApp((await params).appId);
  return { title: `Settings · ${app.name}` };
}

export default async function AppSettingsPage({ params }: Props) {
  const { app } = await requireOwnedApp((await params).appId);
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>App details</h2>
          </CardTitle>
          <CardDescription>Shown in your app list and on receipts.</CardDescription>
        </CardHeader>
        <CardContent>
          <AppSettingsForm
            appId={app.publicId}
            countries={COUNTRIES}
            defaultValues={{ name: app.name, email: app.email, country: app.country }}
          />
        </CardContent>
      </Card>
      <DeleteAppCard appId={app.publicId} appName={app.name} />
    </div>
  );
}
