// What the channels pages and actions hand to client components: plain data (no Map, no Date), so it crosses the
// server/client boundary as is.

/** One channel's ATS over the selection before and after an unsaved lock. */
export type PreviewRow = { channelId: number; code: string; name: string; before: number; after: number };

export type LockPreviewView = {
  /** ISO instant the preview is evaluated at: the lock's start, or now if it has started. */
  at: string;
  poolAtp: number;
  skus: number;
  /** What the numbers are summed over. */
  selection: { kind: "SKU"; code: string } | { kind: "BRAND"; name: string };
  rows: PreviewRow[];
};

export type ConflictLockView = { id: number | null; name: string; channel: string };

export type ConflictView = { sku: string; poolAtp: number; fenced: number; from: string; locks: ConflictLockView[] };

/** A save or cancel that the rules refused (bad input comes back as field errors instead). */
export type LockRefusalView =
  | { reason: "conflict"; conflicts: ConflictView[]; more: number }
  | { reason: "stale" | "not_editable" | "not_found" };

export type LockSaveView = { saved: true; id: number } | ({ saved: false } & LockRefusalView);

/** A channel key as the key list shows it (never the secret). */
export type ChannelKeyView = { id: number; name: string; prefix: string; createdBy: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

/** The lock editor's fields, all as typed. */
export type LockValues = {
  channelId: string;
  name: string;
  kind: "RING_FENCE" | "CAP";
  scopeKind: "SKU" | "BRAND" | "CATEGORY" | "ALL";
  skuCode: string;
  brandId: string;
  category: string;
  previewSku: string;
  unit: "UNITS" | "PERCENT";
  amount: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
};
