'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils';

export function SettingsNav({ appId }: { appId: string }) {
  const pathname = usePathname();
  const base = `/apps/${appId}/settings`;
  const links = [
    { href: base, label: 'General' },
    { href: `${base}/payment-gateway`, label: 'Payment Gateway' },
    { href: `${base}/webhooks`, label: 'Webhooks to your server', nested: true },
    { href: `${base}/activity`, label: 'Activity' },
  ];
  return (
    <nav aria-label="Settings" className="flex gap-1 overflow-x-auto border-b">
      {links.map((link) => {
        // An endpoint's page sits under its tab.
        const active = pathname === link.href || (link.nested === true && pathname.startsWith(`${link.href}/`));
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              '-mb-px border-b-2 px-3 py-2 text-sm whitespace-nowrap text-muted-foreground hover:text-foreground',
              active ? 'border-primary font-medium text-foreground' : 'border-transparent',
            )}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
