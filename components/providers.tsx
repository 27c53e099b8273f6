'use client';

import { ThemeProvider } from '@/components/theme-provider';
import { LazyToaster } from '@/components/ui/toast';

export function Providers({ children }: { children: React.ReactNode }) {
  return (
    <ThemeProvider>
      {children}
      <LazyToaster />
    </ThemeProvider>
  );
}
