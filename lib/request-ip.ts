import { headers } from 'next/headers';
import { clientIp } from './auth/client-ip';

/** The IP of the request being handled (server actions, pages, route handlers). */
export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}
