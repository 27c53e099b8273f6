'use client';

import { Menu } from 'lucide-react';
import { Slot } from 'radix-ui';
import { Button } from '@/components/ui/button';
import { useOpenOnDemand } from '@/components/ui/open-on-demand';
import type { NavApp } from './sidebar-nav';

// The sheet brings Radix's dialog (focus trap, scroll lock): loaded when first opened.
const loadSheet = () => import('./mobile-nav-sheet').then((m) => m.MobileNavSheet);

export function MobileNav({ apps }: { apps: NavApp[] }) {
  const [Sheet, triggerProps] = useOpenOnDemand(loadSheet, 'dialog');
  const trigger = (
    <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open menu">
      <Menu aria-hidden />
    </Button>
  );
  return Sheet ? <Sheet apps={apps} trigger={trigger} /> : <Slot.Root {...triggerProps}>{trigger}</Slot.Root>;
}
