'use client';

import { MoonIcon, SunIcon } from 'lucide-react';
import { Slot } from 'radix-ui';
import { Button } from '@/components/ui/button';
import { useOpenOnDemand } from '@/components/ui/open-on-demand';

// The menu brings Radix's dropdown (menu, popper, floating-ui): loaded when first opened.
const loadMenu = () => import('./theme-menu').then((m) => m.ThemeMenu);

export function ThemeToggle() {
  const [Menu, triggerProps, byKeyboard] = useOpenOnDemand(loadMenu, 'menu');
  const trigger = (
    <Button variant="ghost" size="icon" aria-label="Toggle theme">
      <SunIcon className="scale-100 rotate-0 transition-all dark:scale-0 dark:-rotate-90" aria-hidden="true" />
      <MoonIcon className="absolute scale-0 rotate-90 transition-all dark:scale-100 dark:rotate-0" aria-hidden="true" />
    </Button>
  );
  return Menu ? <Menu trigger={trigger} focusFirstItem={byKeyboard} /> : <Slot.Root {...triggerProps}>{trigger}</Slot.Root>;
}
