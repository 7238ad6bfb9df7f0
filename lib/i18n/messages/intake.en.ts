// English messages for the intake pages (keys start with "intake.").
export const intakeEn = {
} as const;
