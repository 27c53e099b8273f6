import { getDb } from '@/db';
import { listApps } from '@/db/queries/apps';
import { Header } from '@/components/shell/header';
import { Logo } from '@/components/shell/logo';
import { SidebarNav } from '@/components/shell/sidebar-nav';
import { requireMerchant } from '@/lib/auth/session';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const merchant = await requireMerchant();
  const apps = await listApps(await getDb(), { merchantId: merchant.id });
  const navApps = apps.map(({ publicId, name }) => ({ publicId, name }));
  return (
    <div className="flex min-h-dvh">
      <aside className="sticky top-0 hidden h-dvh w-64 shrink-0 flex-col gap-6 border-r bg-sidebar p-4 md:flex">
        <Logo />
        <SidebarNav apps={navApps} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <Header email={merchant.email} apps={navApps} />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 p-4 md:p-8">
          {children}
        </main>
      </div>
    </div>
  );
}
