import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";

// SQLite online backup: a consistent copy while the app keeps writing.
export async function backupDatabase({ db, file }: { db: Db; file: string }): Promise<{ pages: number }> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new AppError("conflict:backup", `${target} already exists; choose a new file.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const result = await db.$client.backup(target);
  return { pages: result.totalPages };
}
