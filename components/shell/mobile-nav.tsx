'use client';

import { Menu } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from '@/components/ui/sheet';
import { Logo } from './logo';
import { type NavApp, SidebarNav } from './sidebar-nav';

export function MobileNav({ apps }: { apps: NavApp[] }) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open menu">
          <Menu aria-hidden />
        </Button>
      </SheetTrigger>
      <SheetContent side="left" className="w-72 gap-6 p-4">
        <SheetTitle className="sr-only">Menu</SheetTitle>
        <Logo />
        <SidebarNav apps={apps} onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Sheet>
  );
}
