import type { Metadata } from 'next';
import { AllowedOriginsForm } from '@/components/apps/allowed-origins-form';
import { AppSettingsForm } from '@/components/apps/app-settings-form';
import { DeleteAppCard } from '@/components/apps/delete-app-card';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { getAllowedOrigins } from '@/db/queries/apps';
import { requireOwnedApp } from '@/lib/apps/owned-app';
import { COUNTRIES } from '@/lib/countries';

type Props = { params: Promise<{ appId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { app } = await requireOwnedApp((await params).appId);
  return { title: `Settings · ${app.name}` };
}

export default async function AppSettingsPage({ params }: Props) {
  const { app } = await requireOwnedApp((await params).appId);
  const origins = await getAllowedOrigins(await getDb(), { appId: app.id });
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
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Allowed domains</h2>
          </CardTitle>
          <CardDescription>
            Your websites. Your public key works only from these origins, and an order&apos;s redirect_url must be on one of
            them. Razorpay and Cashfree also ask you to list your domain in their dashboards.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <AllowedOriginsForm appId={app.publicId} origins={origins} />
        </CardContent>
      </Card>
      <DeleteAppCard appId={app.publicId} appName={app.name} />
    </div>
  );
}
