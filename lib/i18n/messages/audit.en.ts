// English messages for the audit pages (keys start with "audit.").
export const auditEn = {
} as const;
