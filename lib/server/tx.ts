import "server-only";
import type { PrismaClient } from "./generated/prisma/client";

/** The client handed to an interactive transaction's callback. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
