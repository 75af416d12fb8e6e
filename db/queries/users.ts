// People: plain data access. Sign-up is lib/services/accounts.ts.
import { eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { users } from "@/db/schema";

export async function findUserByEmail(db: Database | Transaction, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return user ?? null;
}
