'use client';

import { ChevronDown, LogOut, MonitorSmartphone, UserRound } from 'lucide-react';
import { useTransition } from 'react';
import { signOutAction, signOutEverywhereAction } from '@/app/(auth)/actions';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';

/** The signed-in merchant's menu: sign out here, or end every session on every device. */
export function UserMenu({ email }: { email: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" disabled={pending}>
          <span className="sr-only">Account menu</span>
          <UserRound className="sm:hidden" aria-hidden />
          <span className="hidden max-w-48 truncate sm:inline" data-testid="signed-in-email">
            {email}
          </span>
          <ChevronDown aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel className="truncate font-normal text-muted-foreground">{email}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => startTransition(() => signOutAction())}>
          <LogOut aria-hidden />
          Sign out
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => startTransition(() => signOutEverywhereAction())}>
          <MonitorSmartphone aria-hidden />
          <span className="grid">
            Sign out of all devices
            <span className="text-xs text-muted-foreground">Ends every session, this one included</span>
          </span>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
