import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { MonitorSmartphone } from 'lucide-react';
import { LoginForm } from '@/components/auth/login-form';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { currentMerchant } from '@/lib/auth/session';
import { safeCallbackPath } from '@/lib/safe-redirect';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({
  searchParams,
}: {
  // A repeated parameter arrives as an array.
  searchParams: Promise<{ callbackUrl?: string | string[]; signedOut?: string | string[] }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentMerchant()) redirect(callbackUrl);
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1>Sign in to KS Pay</h1>
        </CardTitle>
        <CardDescription>Manage your apps and payment gateways.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {params.signedOut === 'everywhere' && (
          <Alert>
            <MonitorSmartphone aria-hidden />
            <AlertDescription>You are signed out on all devices.</AlertDescription>
          </Alert>
        )}
        <LoginForm callbackUrl={callbackUrl} />
      </CardContent>
      <CardFooter className="text-sm text-muted-foreground">
        New to KS Pay?&nbsp;
        <Link href="/signup" className="font-medium text-foreground underline underline-offset-4">
          Create an account
        </Link>
      </CardFooter>
    </Card>
  );
}
