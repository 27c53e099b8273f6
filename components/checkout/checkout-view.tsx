'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { CheckoutCard } from './checkout-card';
import type { CheckoutCardProps } from './checkout-card';

/** The hosted checkout's client side, with its own small query client (no other page needs it here). */
export function CheckoutView(props: CheckoutCardProps) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 2 } } }));
  return (
    <QueryClientProvider client={client}>
      <CheckoutCard {...props} />
    </QueryClientProvider>
  );
}
