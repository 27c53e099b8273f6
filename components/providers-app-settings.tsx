'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * What the app settings pages' client components need and no other page pays for: TanStack Query
 * (the Security step's keys).
 */
export function AppSettingsProviders({ children }: { children: React.ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } }));
  return (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
}
