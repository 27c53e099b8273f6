'use client';

import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button, buttonVariants } from '@/components/ui/button';

type Props = {
  displayPrefix: string;
  /** Id of the element showing the key, so the button reads "Revoke, sk_test_AbCd…". */
  describedBy: string;
  disabled: boolean;
  onConfirm: () => void;
};

export function RevokeKeyDialog({ displayPrefix, describedBy, disabled, onConfirm }: Props) {
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button type="button" variant="outline" size="sm" aria-describedby={describedBy} disabled={disabled}>
          Revoke
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Revoke this secret key?</AlertDialogTitle>
          <AlertDialogDescription>
            Requests made with <code className="text-foreground">{displayPrefix}</code> will be refused at once. This
            cannot be undone. If your backend still uses this key, roll it instead and deploy the new one first.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction className={buttonVariants({ variant: 'destructive' })} onClick={onConfirm}>
            Revoke
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
