import Link from 'next/link';
import { Button } from '@/components/ui/button';

export default function NotFound() {
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-medium text-muted-foreground">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="max-w-md text-muted-foreground">
        This page does not exist, or it belongs to an account you are not signed in to.
      </p>
      <Button asChild>
        <Link href="/apps">Go to your apps</Link>
      </Button>
    </main>
  );
}
