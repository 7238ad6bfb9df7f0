import Link from "next/link";

/** "Section / record": a link back to the section and where the page is, above a detail page's title. */
export function Breadcrumb({ label, href, parent, current, code = true }: { label: string; href: string; parent: string; current: string; code?: boolean }) {
  return (
    <nav className="text-sm text-slate-500" aria-label={label}>
      <Link href={href} className="hover:text-slate-800 hover:underline">
        {parent}
      </Link>
      <span className="mx-1.5">/</span>
      <span className={code ? "font-mono text-xs" : undefined}>{current}</span>
    </nav>
  );
}
