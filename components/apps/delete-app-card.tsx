'use client';

import { deleteAppAction } from '@/app/(dashboard)/apps/actions';
import { TypedConfirmDialog } from '@/components/typed-confirm-dialog';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';

export function DeleteAppCard({ appId, appName }: { appId: string; appName: string }) {
  return (
    <Card className="border-destructive/50">
      <CardHeader>
        <CardTitle>
          <h2>Delete app</h2>
        </CardTitle>
        <CardDescription>Deletes the app and everything connected to it. This cannot be undone.</CardDescription>
      </CardHeader>
      <CardContent>
        <TypedConfirmDialog
          trigger="Delete app"
          title={`Delete ${appName}?`}
          description={
            <>
              Type <strong className="text-foreground">{appName}</strong> to confirm.
            </>
          }
          expected={appName}
          label="App name"
          // On success the action redirects to the app list.
          onConfirm={(confirmation) => deleteAppAction({ appId, confirmation })}
        />
      </CardContent>
    </Card>
  );
}
