import type { inventoryEn } from "./inventory.en";

export const inventoryZhCN: Record<keyof typeof inventoryEn, string> = {
};
