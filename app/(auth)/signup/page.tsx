import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/signup-form';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { currentMerchant } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign up' };

export default async function SignUpPage() {
  if (await currentMerchant()) redirect('/apps');
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1>Create your KS Pay account</h1>
        </CardTitle>
        <CardDescription>Connect a payment gateway in minutes.</CardDescription>
      </CardHeader>
      <CardContent>
        <SignUpForm />
      </CardContent>
      <CardFooter className="text-sm text-muted-foreground">
        Already have an account?&nbsp;
        <Link href="/login" className="font-medium text-foreground underline underline-offset-4">
          Sign in
        </Link>
      </CardFooter>
    </Card>
  );
}
