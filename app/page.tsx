import { redirect } from 'next/navigation';
import { currentMerchant } from '@/lib/auth/session';

export default async function Home() {
  redirect((await currentMerchant()) ? '/apps' : '/login');
}
