import { ThemeToggle } from '@/components/theme-toggle';
import { Badge } from '@/components/ui/badge';
import { isSandbox } from '@/lib/gateways/base-urls';
import { MobileNav } from './mobile-nav';
import { UserMenu } from './user-menu';
import type { NavApp } from './sidebar-nav';

export function Header({ email, apps }: { email: string; apps: NavApp[] }) {
  return (
    <header className="sticky top-0 z-10 flex h-14 items-center gap-3 border-b bg-background/95 px-4 backdrop-blur md:px-8">
      <MobileNav apps={apps} />
      {isSandbox() && (
        <Badge variant="warning" title="Gateways are simulated by the local sandbox: no real money moves.">
          Sandbox
        </Badge>
      )}
      <div className="ml-auto flex items-center gap-2">
        <ThemeToggle />
        <UserMenu email={email} />
      </div>
    </header>
  );
}
