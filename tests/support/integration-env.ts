import { inject } from "vitest";

// Point the app's data layer (lib/server/db.ts) at this run's throwaway database.
process.env.DATABASE_URL = inject("databaseUrl");
