import "server-only";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { afterFailure, waitMs } from "@/lib/auth/throttle";
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "../db";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

export type LoginResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

// Compared against when the login is unknown, so timing does not reveal which emails exist.
const DUMMY_HASH = bcrypt.hashSync("not-a-password", 10);

export async function verifyLogin(input: unknown, now = new Date()): Promise<LoginResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const prisma = db();

  const throttle = await prisma.loginThrottle.findUnique({ where: { login: email } });
  const wait = waitMs(throttle, now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil(wait / 1000) };

  const user = await prisma.user.findUnique({ where: { email } });
  const matches = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !matches) {
    const next = afterFailure(throttle, now);
    await prisma.loginThrottle.upsert({ where: { login: email }, create: { login: email, ...next }, update: next });
    return { ok: false, reason: "invalid" };
  }
  if (throttle) await prisma.loginThrottle.delete({ where: { login: email } });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, locationId: user.locationId, brandId: user.brandId },
  };
}
