'use client';

import { LogOut, MonitorSmartphone } from 'lucide-react';
import { useTransition } from 'react';
import { signOutAction, signOutEverywhereAction } from '@/app/(auth)/actions';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { useFocusFirstItemOnce } from '@/components/ui/open-on-demand';

/** Loaded when the account button is first used (see ./user-menu.tsx). */
export function UserMenuContent({
  email,
  trigger,
  focusFirstItem,
}: {
  email: string;
  trigger: React.ReactElement<{ disabled?: boolean }>;
  focusFirstItem: boolean;
}) {
  const [pending, startTransition] = useTransition();
  const onFocus = useFocusFirstItemOnce(focusFirstItem);
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild disabled={pending}>
        {trigger}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64" onFocus={onFocus}>
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
