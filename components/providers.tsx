'use client';

import { ThemeProvider } from '@/components/theme-provider';
import { LazyToaster } from '@/components/ui/toast';

/** `nonce`: this response's CSP nonce, for the theme script. */
export function Providers({ children, nonce }: { children: React.ReactNode; nonce?: string }) {
  return (
    <ThemeProvider nonce={nonce}>
      {children}
      <LazyToaster />
    </ThemeProvider>
  );
}
