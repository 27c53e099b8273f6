'use client';

import { ChevronDown, UserRound } from 'lucide-react';
import { Slot } from 'radix-ui';
import { Button } from '@/components/ui/button';
import { useOpenOnDemand } from '@/components/ui/open-on-demand';

// Radix's dropdown is loaded when the menu is first opened, as the theme menu is.
const loadMenu = () => import('./user-menu-content').then((m) => m.UserMenuContent);

/** The signed-in merchant's menu: sign out here, or end every session on every device. */
export function UserMenu({ email }: { email: string }) {
  const [Menu, triggerProps, byKeyboard] = useOpenOnDemand(loadMenu, 'menu');
  const trigger = (
    <Button variant="ghost" size="sm">
      <span className="sr-only">Account menu</span>
      <UserRound className="sm:hidden" aria-hidden />
      <span className="hidden max-w-48 truncate sm:inline" data-testid="signed-in-email">
        {email}
      </span>
      <ChevronDown aria-hidden />
    </Button>
  );
  return Menu ? (
    <Menu email={email} trigger={trigger} focusFirstItem={byKeyboard} />
  ) : (
    <Slot.Root {...triggerProps}>{trigger}</Slot.Root>
  );
}
