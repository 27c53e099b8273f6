import { env } from '@/lib/env';
import { randomBase62 } from '@/lib/ids';

export const newWebhookEndpointId = () => `whe_${randomBase62(24)}`;
export const newWebhookSecret = () => `whsec_${randomBase62(40)}`;

export const webhookUrl = (gateway: 'razorpay' | 'cashfree', endpointId: string) =>
  `${env.APP_URL.replace(/\/$/, '')}/api/webhooks/${gateway}/${endpointId}`;

export const RAZORPAY_WEBHOOK_EVENTS = ['payment.captured', 'payment.failed', 'order.paid', 'refund.processed'] as const;
