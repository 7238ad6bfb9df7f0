import { Breadcrumb } from "./breadcrumb";

/** A detail page's head: where the page is, its title with any badges, a line of facts, and anything below. */
export function DetailHeader({ crumb, title, testId, badges, facts, factsTestId, children }: {
  crumb: Parameters<typeof Breadcrumb>[0];
  title: React.ReactNode;
  testId?: string;
  badges?: React.ReactNode;
  facts?: React.ReactNode;
  factsTestId?: string;
  children?: React.ReactNode;
}) {
  return (
    <div>
      <Breadcrumb {...crumb} />
      <div className="mt-1 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold" data-testid={testId}>
          {title}
        </h1>
        {badges}
      </div>
      {facts && (
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600" data-testid={factsTestId}>
          {facts}
        </p>
      )}
      {children}
    </div>
  );
}
