// English messages for the inventory pages (keys start with "inventory.").
export const inventoryEn = {
} as const;
