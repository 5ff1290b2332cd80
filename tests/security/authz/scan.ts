import fs from "node:fs";
import path from "node:path";

// The route list comes from the file system, so a new route or action shows up here by itself.
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const SOURCE = /\.(ts|tsx)$/;

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name.startsWith(".") ? [] : walk(full);
    return SOURCE.test(entry.name) ? [full] : [];
  });
}

const rel = (file: string) => path.relative(process.cwd(), file).split(path.sep).join("/");

function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:default\s+)?(?:async\s+)?function\s*\*?\s*(\w+)/g)) names.add(m[1]);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s+(\w+)/g)) names.add(m[1]);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s+\{([^}]*)\}/g))
    for (const part of m[1].split(",")) if (part.trim()) names.add(part.split(":").pop()!.trim());
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
    for (const part of m[1].split(",")) if (part.trim()) names.add(part.split(/\s+as\s+/).pop()!.trim());
  return [...names].filter((n) => n !== "type" && !/^[A-Z][A-Za-z]*Props$/.test(n));
}

// app/(app)/dashboard/export/route.ts -> /dashboard/export; route groups vanish, segments stay.
export function urlPath(file: string): string {
  const segments = rel(file).split("/").slice(1, -1).filter((s) => !/^\(.*\)$/.test(s));
  return "/" + segments.join("/");
}

export type ScannedRoute = { key: string; file: string; method: string; path: string };
export type ScannedAction = { key: string; file: string; name: string };

export function scanRoutes(root = "app"): ScannedRoute[] {
  return walk(root)
    .filter((f) => /\/route\.(ts|tsx)$/.test(f.split(path.sep).join("/")))
    .flatMap((file) => {
      const source = fs.readFileSync(file, "utf8");
      return exportedNames(source)
        .filter((n) => HTTP_METHODS.includes(n))
        .map((method) => ({ key: `${method} ${urlPath(file)}`, file: rel(file), method, path: urlPath(file) }));
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

function isServerActionFile(source: string): boolean {
  const body = source.replace(/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*/, "");
  return /^["']use server["']/.test(body.trimStart());
}

// Files with a top-level "use server" export actions; an inline "use server" inside a function
// is reported as `file#inline:N` so it cannot slip past the table either.
export function scanActions(roots = ["app", "lib"]): ScannedAction[] {
  const out: ScannedAction[] = [];
  for (const file of roots.flatMap((r) => walk(r))) {
    const source = fs.readFileSync(file, "utf8");
    if (isServerActionFile(source)) {
      for (const name of exportedNames(source)) out.push({ key: `${rel(file)}#${name}`, file: rel(file), name });
    } else {
      const inline = [...source.matchAll(/\{\s*["']use server["']/g)];
      inline.forEach((_, i) => out.push({ key: `${rel(file)}#inline:${i + 1}`, file: rel(file), name: `inline:${i + 1}` }));
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}
