import { Breadcrumb } from "@/components/breadcrumb";

/** Breadcrumb back to the grid, the record's name, and a line of facts starting with its code. */
export function DetailHeader({
  gridLabel,
  breadcrumbLabel,
  code,
  title,
  testIdPrefix,
  children,
}: {
  gridLabel: string;
  breadcrumbLabel: string;
  code: string;
  title: string;
  testIdPrefix: string;
  children: React.ReactNode;
}) {
  return (
    <>
      <Breadcrumb label={breadcrumbLabel} href="/inventory" parent={gridLabel} current={code} />
      <h1 className="mt-1 text-2xl font-semibold" data-testid={`${testIdPrefix}-title`}>{title}</h1>
      <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600">
        <span className="font-mono text-xs leading-5" data-testid={`${testIdPrefix}-code`}>{code}</span>
        {children}
      </p>
    </>
  );
}
