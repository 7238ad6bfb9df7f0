// One demo login per role; all share DEMO_PASSWORD. Printed by `npm start` and shown on the login page.
export const DEMO_PASSWORD = "yipan-demo";

export type DemoUser = {
  email: string;
  name: string;
  role: "HQ_ADMIN" | "MERCHANDISER" | "STORE_MANAGER" | "BRAND_PARTNER";
  locationCode?: string;
  brandCode?: string;
};

export const DEMO_USERS: DemoUser[] = [
  { email: "hq@yipan.dev", name: "Chen Jing (HQ)", role: "HQ_ADMIN" },
  { email: "merch@yipan.dev", name: "Li Na", role: "MERCHANDISER" },
  { email: "store@yipan.dev", name: "Wang Lei", role: "STORE_MANAGER", locationCode: "ST-SHA-001" },
  { email: "partner@yipan.dev", name: "Zhao Min (Northpeak)", role: "BRAND_PARTNER", brandCode: "NPK" },
];
