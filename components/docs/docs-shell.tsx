import Link from 'next/link';
import { Logo } from '@/components/shell/logo';
import { ThemeToggle } from '@/components/theme-toggle';
import { Button } from '@/components/ui/button';

export type TocEntry = { id: string; title: string };

// Typography for long-form docs, without a typography plugin.
const prose = [
  'text-[0.9375rem] leading-7',
  '[&_h2]:mt-14 [&_h2]:scroll-mt-20 [&_h2]:border-b [&_h2]:pb-2 [&_h2]:text-2xl [&_h2]:font-semibold [&_h2]:tracking-tight',
  '[&_h3]:mt-8 [&_h3]:scroll-mt-20 [&_h3]:text-lg [&_h3]:font-semibold',
  '[&_p]:mt-4 [&_ul]:mt-4 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:mt-4 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:mt-1.5',
  '[&_a]:font-medium [&_a]:underline [&_a]:underline-offset-4',
  '[&_:not(pre)>code]:rounded [&_:not(pre)>code]:bg-muted [&_:not(pre)>code]:px-1 [&_:not(pre)>code]:py-0.5 [&_:not(pre)>code]:text-[0.85em]',
].join(' ');

export function DocsShell({
  title,
  lead,
  toc,
  children,
}: {
  title: string;
  lead: React.ReactNode;
  toc: TocEntry[];
  children: React.ReactNode;
}) {
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-10 border-b bg-background/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-4 px-4">
          <div className="flex items-center gap-3">
            <Logo />
            <span className="text-sm text-muted-foreground">Docs</span>
          </div>
          <div className="flex items-center gap-2">
            <ThemeToggle />
            <Button variant="outline" size="sm" asChild>
              <Link href="/apps">Dashboard</Link>
            </Button>
          </div>
        </div>
      </header>
      <div className="mx-auto grid max-w-6xl gap-10 px-4 py-10 lg:grid-cols-[1fr_14rem]">
        <main id="main" className="min-w-0">
          <article className={prose}>
            <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">{title}</h1>
            <div className="mt-4 text-lg text-muted-foreground">{lead}</div>
            {children}
          </article>
        </main>
        <nav aria-label="On this page" className="hidden lg:block">
          <div className="sticky top-20 grid gap-2 text-sm">
            <p className="font-medium">On this page</p>
            <ul className="grid gap-1.5">
              {toc.map((entry) => (
                <li key={entry.id}>
                  <a href={`#${entry.id}`} className="text-muted-foreground hover:text-foreground">
                    {entry.title}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      </div>
    </div>
  );
}
