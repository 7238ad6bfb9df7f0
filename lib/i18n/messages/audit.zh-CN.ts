import type { auditEn } from "./audit.en";

export const auditZhCN: Record<keyof typeof auditEn, string> = {
};
