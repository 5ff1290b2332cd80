import fs from "node:fs";
import path from "node:path";
import { database, type Db } from "@/db/client";
import { backupTo } from "@/db/ops";
import { AppError } from "@/lib/errors";

// A consistent copy while the app keeps writing.
export async function backupDatabase({ db = database(), file }: { db?: Db; file: string }): Promise<{ pages: number }> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new AppError("conflict:backup", `${target} already exists; choose a new file.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  return backupTo(db, target);
}
