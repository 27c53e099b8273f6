'use client';

import { CheckCircle2, Loader2, XCircle } from 'lucide-react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { checkoutPhase, type OrderProgress, returnUrl } from '@/lib/checkout/phase';
import type { Handoff } from '@/lib/checkout/handoff';
import { clearAttempt, readAttempt, startAttempt, type Attempt } from './attempt-store';
import { handOff } from './gateway-handoff';
import { useOrderProgress } from './use-order-progress';

export type CheckoutCardProps = {
  orderId: string;
  merchant: string;
  amount: string;
  mode: 'test' | 'live';
  paymentModes: string[];
  initialProgress: OrderProgress;
  redirectUrl: string | null;
  handoff: Handoff;
};

const MODE_NAMES: Record<string, string> = { upi: 'UPI', card: 'Cards', netbanking: 'Netbanking', wallet: 'Wallets', emi: 'EMI', paylater: 'Pay Later' };
const SLOW_AFTER_MS = 45_000;
const RETURN_AFTER_MS = 5_000;
const noSubscribe = () => () => {};

export function CheckoutCard(props: CheckoutCardProps) {
  const { orderId, merchant, amount, handoff, redirectUrl } = props;
  // sessionStorage exists only in the browser: until hydrated, show neither a Pay button nor a wait.
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const [attempt, setAttempt] = useState<Attempt | null | undefined>(undefined);
  const [handingOff, setHandingOff] = useState(false);
  const [error, setError] = useState<string>();
  const known = hydrated ? (attempt === undefined ? readAttempt(orderId) : attempt) : undefined;
  const progress = useOrderProgress(orderId, props.initialProgress, !!known || props.initialProgress.status === 'processing');
  const phase = known === undefined ? null : checkoutPhase(progress.data, known);
  const slow = useSlow(phase === 'waiting');

  const pay = async () => {
    if (handingOff) return;
    setHandingOff(true);
    setError(undefined);
    const started = startAttempt(orderId, progress.data.attempts);
    setAttempt(started);
    try {
      await handOff(handoff, started.token, {
        merchant,
        onDismiss: () => {
          clearAttempt(orderId);
          setAttempt(null);
          setHandingOff(false);
        },
      });
    } catch {
      clearAttempt(orderId);
      setAttempt(null);
      setHandingOff(false);
      setError('The payment page could not be opened. Check your connection and try again.');
    }
  };

  const tryAgain = () => {
    clearAttempt(orderId);
    setAttempt(null);
    setHandingOff(false);
  };

  return (
    <Card>
      <CardHeader>
        <CardDescription className="flex items-center justify-between gap-2">
          <span>Pay {merchant}</span>
          {props.mode === 'test' && <Badge variant="outline">Test mode</Badge>}
        </CardDescription>
        <CardTitle>
          <h1 className="text-3xl font-semibold tracking-tight">{amount}</h1>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4" aria-live="polite">
        {phase === null && <Skeleton className="h-10 w-full" />}
        {(phase === 'ready' || phase === 'retry') && (
          <>
            {phase === 'retry' && (
              <Alert>
                <AlertTitle>The last attempt did not go through</AlertTitle>
                <AlertDescription>No payment was taken for it. You can try again.</AlertDescription>
              </Alert>
            )}
            {props.paymentModes.length > 0 && (
              <p className="text-sm text-muted-foreground">Pay with {props.paymentModes.map((m) => MODE_NAMES[m] ?? m).join(', ')}.</p>
            )}
            {error && <p role="alert" className="text-sm text-destructive">{error}</p>}
            <Button size="lg" onClick={pay} disabled={handingOff || handoff.kind === 'unavailable'}>
              {handingOff ? 'Opening the payment page…' : `Pay ${amount}`}
            </Button>
            {handoff.kind === 'unavailable' && <p className="text-sm text-muted-foreground">This order cannot be paid here. Please contact {merchant}.</p>}
          </>
        )}
        {phase === 'waiting' && (
          <div className="flex items-start gap-3">
            <Loader2 className="mt-0.5 size-5 animate-spin text-muted-foreground" aria-hidden />
            <div className="grid gap-1">
              <p className="font-medium">Confirming your payment…</p>
              <p className="text-sm text-muted-foreground">
                {slow
                  ? 'This is taking longer than usual. Your bank is still answering; this page updates by itself. Please do not pay again.'
                  : 'We are waiting for the bank’s answer. This page updates by itself: please do not pay again.'}
              </p>
            </div>
          </div>
        )}
        {phase === 'paid' && <Outcome icon="paid" title="Thank you" text={`${merchant} has received your payment of ${amount}.`} />}
        {phase === 'failed' && <Outcome icon="failed" title="Payment failed" text="The payment did not go through. If money left your account, your bank returns it." />}
      </CardContent>
      {(phase === 'paid' || phase === 'failed') && (
        <CardFooter className="flex flex-wrap justify-end gap-2">
          {phase === 'failed' && (
            <Button variant={redirectUrl ? 'outline' : 'default'} onClick={tryAgain}>
              Try again
            </Button>
          )}
          {redirectUrl && <ReturnButton merchant={merchant} href={returnUrl(redirectUrl, { orderId, status: phase === 'paid' ? 'PAID' : 'FAILED' })} auto={phase === 'paid'} />}
        </CardFooter>
      )}
    </Card>
  );
}

function Outcome({ icon, title, text }: { icon: 'paid' | 'failed'; title: string; text: string }) {
  const Icon = icon === 'paid' ? CheckCircle2 : XCircle;
  return (
    <div className="flex items-start gap-3">
      <Icon className={icon === 'paid' ? 'mt-0.5 size-6 text-emerald-600' : 'mt-0.5 size-6 text-destructive'} aria-hidden />
      <div className="grid gap-1">
        <h2 className="text-lg font-semibold">{title}</h2>
        <p className="text-sm text-muted-foreground">{text}</p>
      </div>
    </div>
  );
}

/** Back to the merchant's site; after a payment, on its own after a few seconds. */
function ReturnButton({ merchant, href, auto }: { merchant: string; href: string; auto: boolean }) {
  useEffect(() => {
    if (!auto) return;
    const timer = setTimeout(() => window.location.assign(href), RETURN_AFTER_MS);
    return () => clearTimeout(timer);
  }, [auto, href]);
  return (
    <Button asChild>
      <a href={href}>{auto ? `Returning to ${merchant}…` : `Return to ${merchant}`}</a>
    </Button>
  );
}

function useSlow(waiting: boolean) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setSlow(true), SLOW_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [waiting]);
  return slow;
}
