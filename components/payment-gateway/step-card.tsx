import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { WizardStatus } from '@/lib/gateway-connections/view';
import { StepStatusBadge } from './step-status-badge';

type Props = {
  id: string;
  number?: number;
  title: string;
  status?: WizardStatus;
  /** A badge that keeps itself current, instead of `status`. */
  badge?: React.ReactNode;
  description: React.ReactNode;
  children: React.ReactNode;
};

/** One wizard step: a labelled section with its status. */
export function StepCard({ id, number, title, status, badge, description, children }: Props) {
  return (
    <Card id={id} aria-labelledby={`${id}-title`} role="region" className="scroll-mt-20">
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle>
            <h2 id={`${id}-title`}>
              {number ? `${number}. ` : ''}
              {title}
            </h2>
          </CardTitle>
          {badge ?? (status && <StepStatusBadge status={status} />)}
        </div>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4">{children}</CardContent>
    </Card>
  );
}
