'use client';

import { MonitorIcon, MoonIcon, SunIcon } from 'lucide-react';
import { useTheme } from 'next-themes';
import { useRef } from 'react';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';

/** Loaded when the theme button is first used (see ./theme-toggle.tsx). */
export function ThemeMenu({ trigger, focusFirstItem }: { trigger: React.ReactNode; focusFirstItem: boolean }) {
  const { theme, setTheme } = useTheme();
  // Radix focuses the first item when the keyboard opens the menu, but on this first opening it was
  // not loaded yet to see the key: it focuses the menu itself, and this moves focus on, once.
  const moveToFirstItem = useRef(focusFirstItem);
  const onFocus = (event: React.FocusEvent<HTMLDivElement>) => {
    if (!moveToFirstItem.current || event.target !== event.currentTarget) return;
    moveToFirstItem.current = false;
    event.currentTarget.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
  };
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="end" onFocus={onFocus}>
        <DropdownMenuRadioGroup value={theme} onValueChange={setTheme}>
          <DropdownMenuRadioItem value="light">
            <SunIcon aria-hidden="true" />
            Light
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="dark">
            <MoonIcon aria-hidden="true" />
            Dark
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="system">
            <MonitorIcon aria-hidden="true" />
            System
          </DropdownMenuRadioItem>
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
