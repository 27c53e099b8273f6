import { CircleAlert, CircleCheck, CircleMinus } from 'lucide-react';
import { formatDateTime } from '@/lib/format';
import type { SignatureDiagnosis } from '@/lib/webhooks/signature-diagnosis';
import { cn } from '@/lib/utils';
import { CAUSE_TEXT, describeCheck, type Tone } from './diagnosis-labels';

const TONE_ICON = { ok: CircleCheck, problem: CircleAlert, info: CircleMinus } as const;
const TONE_CLASS = { ok: 'text-success', problem: 'text-destructive', info: 'text-muted-foreground' } as const;
const TONE_WORD: Record<Tone, string> = { ok: 'Passed', problem: 'Problem', info: 'Checked' };

type Props = { gateway: 'razorpay' | 'cashfree'; diagnosis: SignatureDiagnosis | null };

/** For a rejected delivery: what was tried, what matched, the likely cause and what to do. Never a secret. */
export function SignatureCheckPanel({ gateway, diagnosis }: Props) {
  if (!diagnosis || !(diagnosis.likelyCause in CAUSE_TEXT)) {
    return (
      <section aria-labelledby="signature-check" className="grid gap-2 rounded-lg border p-4">
        <h3 id="signature-check" className="font-semibold">Signature check</h3>
        <p className="text-sm text-muted-foreground">No diagnosis was recorded for this delivery (it arrived before KS Pay kept one).</p>
      </section>
    );
  }
  const cause = CAUSE_TEXT[diagnosis.likelyCause];
  const context = { gateway, diagnosis };
  const format = (iso: string) => formatDateTime(new Date(iso));
  return (
    <section aria-labelledby="signature-check" className="grid gap-3 rounded-lg border border-destructive/40 p-4">
      <h3 id="signature-check" className="font-semibold">Signature check</h3>
      <div className="grid gap-1">
        <p className="text-sm">
          <span className="font-medium">Likely cause: </span>
          {cause.title}
        </p>
        <p className="text-sm text-muted-foreground">{cause.explanation(context)}</p>
      </div>
      <div className="grid gap-1 rounded-md bg-muted/60 p-3">
        <p className="text-sm font-medium">What to do</p>
        <p className="text-sm">{cause.action(context)}</p>
      </div>
      <div className="grid gap-1">
        <p className="text-sm font-medium">What was tried</p>
        <ul className="grid gap-1.5" aria-label="Checks">
          {diagnosis.checks.map((check, i) => {
            const text = describeCheck(check, gateway, format);
            const Icon = TONE_ICON[text.tone];
            return (
              <li key={i} className="flex items-start gap-2 text-sm">
                <Icon className={cn('mt-0.5 size-4 shrink-0', TONE_CLASS[text.tone])} aria-label={TONE_WORD[text.tone]} role="img" />
                <span className="min-w-0 flex-1 break-words">{text.what}</span>
                <span className={cn('shrink-0 text-right font-medium', TONE_CLASS[text.tone])}>{text.result}</span>
              </li>
            );
          })}
        </ul>
      </div>
      <p className="text-xs text-muted-foreground">Secrets and signatures are never stored or shown: only whether each one matched.</p>
    </section>
  );
}
