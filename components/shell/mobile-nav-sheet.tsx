'use client';

import { useState } from 'react';
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from '@/components/ui/sheet';
import { Logo } from './logo';
import { type NavApp, SidebarNav } from './sidebar-nav';

/** Loaded when the menu button is first used (see ./mobile-nav.tsx). */
export function MobileNavSheet({ apps, trigger }: { apps: NavApp[]; trigger: React.ReactNode }) {
  const [open, setOpen] = useState(true);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>{trigger}</SheetTrigger>
      <SheetContent side="left" className="w-72 gap-6 p-4">
        <SheetTitle className="sr-only">Menu</SheetTitle>
        <Logo />
        <SidebarNav apps={apps} onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Sheet>
  );
}
