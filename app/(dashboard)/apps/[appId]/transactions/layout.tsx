import { QueryProvider } from '@/components/query-provider';

export default function TransactionsLayout({ children }: { children: React.ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
