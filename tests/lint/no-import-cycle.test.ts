import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/db";
// @ts-expect-error the rule is plain JavaScript, loaded by eslint.config.mjs
import replyhour from "../../scripts/lint/no-import-cycle.mjs";

function project(files: Record<string, string>): string {
  const root = tempDir("replyhour-cycle-");
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

async function lint(root: string): Promise<Record<string, string[]>> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ files: ["**/*.ts", "**/*.tsx"], languageOptions: { parser: tsParser }, plugins: { replyhour }, rules: { "replyhour/no-import-cycle": "error" } }],
  });
  const out: Record<string, string[]> = {};
  for (const result of await eslint.lintFiles(["lib"])) {
    if (result.messages.length) out[path.relative(root, result.filePath)] = result.messages.map((m) => m.message);
  }
  return out;
}

describe("replyhour/no-import-cycle", () => {
  it("reports every module of a runtime cycle, through the @/ alias, re-exports and dynamic imports", async () => {
    const root = project({
      "lib/a.ts": 'import { b } from "./b";\nexport const a = () => b;\n',
      "lib/b.ts": 'export { c as b } from "@/lib/c";\n',
      "lib/c.ts": 'export const c = 1;\nexport const load = () => import("./a");\n',
      "lib/view.tsx": 'import { a } from "./a";\nexport const View = () => <p>{String(a)}</p>;\n',
    });
    const found = await lint(root);
    expect(Object.keys(found).sort()).toEqual(["lib/a.ts", "lib/b.ts", "lib/c.ts"]);
    expect(found["lib/a.ts"]).toEqual(["Dependency cycle: lib/a.ts → lib/b.ts → lib/c.ts → lib/a.ts"]);
  });

  it("lets type-only imports close a loop (they are erased before run time) and ignores packages", async () => {
    const root = project({
      "lib/d.ts": 'import type { E } from "./e";\nimport { type F } from "./f";\nimport path from "node:path";\nexport const d = path.sep;\nexport type D = E | F;\n',
      "lib/e.ts": 'import { d } from "./d";\nexport type E = typeof d;\n',
      "lib/f.ts": 'import { d } from "@/lib/d";\nexport type F = typeof d;\nexport const f = d;\n',
    });
    expect(await lint(root)).toEqual({});
  });

  it("sees a cycle a file has just gained, although the others were read before", async () => {
    const root = project({ "lib/g.ts": "export const g = 1;\n", "lib/h.ts": 'import { g } from "./g";\nexport const h = g;\n' });
    expect(await lint(root)).toEqual({});
    fs.writeFileSync(path.join(root, "lib/g.ts"), 'import { h } from "./h";\nexport const g = () => h;\n');
    const later = Date.now() / 1000 + 5;
    fs.utimesSync(path.join(root, "lib/g.ts"), later, later);
    expect(Object.keys(await lint(root)).sort()).toEqual(["lib/g.ts", "lib/h.ts"]);
  });
});
