"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/server/action";
import { createApiKey, revokeApiKey } from "@/lib/server/api/keys";

export const createKey = validatedAction(
  "settings",
  z.object({ name: z.string().trim().min(2, "at least 2 characters").max(80, "at most 80 characters") }),
  async ({ name }, { user }) => {
    const { key, info } = await createApiKey({ name, createdBy: user.email });
    revalidatePath("/settings");
    return { ok: true, data: { key, prefix: info.prefix } };
  },
);

export const revokeKey = validatedAction("settings", z.object({ id: z.number().int().positive() }), async ({ id }) => {
  const revoked = await revokeApiKey(id);
  revalidatePath("/settings");
  return revoked ? { ok: true, data: { id } } : { ok: false, error: `Key ${id} does not exist or is already revoked.` };
});
