'use client';

import { ArrowLeftRight, History, LayoutGrid, LayoutDashboard, Settings, Webhook } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils';

export type NavApp = { publicId: string; name: string };

function NavLink({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-sidebar-foreground hover:bg-sidebar-accent',
        active && 'bg-sidebar-accent font-medium',
      )}
    >
      {children}
    </Link>
  );
}

export function SidebarNav({ apps, onNavigate }: { apps: NavApp[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const current = pathname.split('/')[2];
  return (
    <nav aria-label="Main" className="grid gap-4" onClick={onNavigate}>
      <div className="grid gap-1">
        <NavLink href="/apps" active={pathname === '/apps'}>
          <LayoutGrid className="size-4" aria-hidden />
          All apps
        </NavLink>
        <NavLink href="/apps/activity" active={pathname === '/apps/activity'}>
          <History className="size-4" aria-hidden />
          Activity
        </NavLink>
      </div>
      {apps.length > 0 && (
        <div className="grid gap-1">
          <p className="px-2 text-xs font-medium text-muted-foreground">Your apps</p>
          <ul className="grid gap-1">
            {apps.map((app) => (
              <li key={app.publicId}>
                <NavLink href={`/apps/${app.publicId}`} active={pathname === `/apps/${app.publicId}`}>
                  <span className="truncate">{app.name}</span>
                </NavLink>
                {current === app.publicId && (
                  <ul className="mt-1 ml-3 grid gap-1 border-l pl-2">
                    <li>
                      <NavLink href={`/apps/${app.publicId}`} active={pathname === `/apps/${app.publicId}`}>
                        <LayoutDashboard className="size-4" aria-hidden />
                        Overview
                      </NavLink>
                    </li>
                    <li>
                      <NavLink
                        href={`/apps/${app.publicId}/transactions`}
                        active={pathname.startsWith(`/apps/${app.publicId}/transactions`)}
                      >
                        <ArrowLeftRight className="size-4" aria-hidden />
                        Transactions
                      </NavLink>
                    </li>
                    <li>
                      <NavLink
                        href={`/apps/${app.publicId}/webhooks`}
                        active={pathname.startsWith(`/apps/${app.publicId}/webhooks`)}
                      >
                        <Webhook className="size-4" aria-hidden />
                        Webhook events
                      </NavLink>
                    </li>
                    <li>
                      <NavLink
                        href={`/apps/${app.publicId}/settings`}
                        active={pathname.startsWith(`/apps/${app.publicId}/settings`)}
                      >
                        <Settings className="size-4" aria-hidden />
                        Settings
                      </NavLink>
                    </li>
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </nav>
  );
}
