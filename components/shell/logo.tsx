import { CreditCard } from 'lucide-react';
import Link from 'next/link';

export function Logo() {
  return (
    <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
      <span className="flex size-8 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <CreditCard className="size-4" aria-hidden />
      </span>
      KS Pay
    </Link>
  );
}
