const TONES: Record<string, string> = {
  PROPOSED: "bg-amber-50 text-amber-800 ring-amber-200",
  APPROVED: "bg-blue-50 text-blue-800 ring-blue-200",
  IN_TRANSIT: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  RECEIVED: "bg-green-50 text-green-800 ring-green-200",
  CLOSED: "bg-slate-100 text-slate-700 ring-slate-200",
  REJECTED: "bg-red-50 text-red-800 ring-red-200",
  CANCELLED: "bg-slate-50 text-slate-500 ring-slate-200",
};

/** A transfer's status as a coloured pill; the label arrives translated. */
export function TransferStatusBadge({ status, label, testId }: { status: string; label: string; testId?: string }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONES[status] ?? TONES.CLOSED}`} data-status={status} data-testid={testId}>
      {label}
    </span>
  );
}

export function ForcedBadge({ label }: { label: string }) {
  return <span className="ml-1.5 inline-flex rounded-full bg-purple-50 px-2 py-0.5 text-xs font-medium text-purple-800 ring-1 ring-purple-200 ring-inset">{label}</span>;
}
