import type { intakeEn } from "./intake.en";

export const intakeZhCN: Record<keyof typeof intakeEn, string> = {
};
