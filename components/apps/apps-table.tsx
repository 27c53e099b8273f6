import Link from 'next/link';
import { CopyButton } from '@/components/copy-button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { AppSummary } from '@/db/queries/apps';
import { countryName } from '@/lib/countries';

export function AppsTable({ apps }: { apps: AppSummary[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>App ID</TableHead>
          <TableHead>App Name</TableHead>
          <TableHead className="hidden sm:table-cell">Email</TableHead>
          <TableHead className="hidden md:table-cell">Country</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {apps.map((app) => (
          <TableRow key={app.publicId}>
            <TableCell>
              <span className="inline-flex items-center gap-1 font-mono text-xs">
                {app.publicId}
                <CopyButton value={app.publicId} label={`Copy App ID of ${app.name}`} />
              </span>
            </TableCell>
            <TableCell>
              <Link href={`/apps/${app.publicId}`} className="font-medium underline-offset-4 hover:underline">
                {app.name}
              </Link>
            </TableCell>
            <TableCell className="hidden sm:table-cell">{app.email}</TableCell>
            <TableCell className="hidden md:table-cell">{countryName(app.country)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
