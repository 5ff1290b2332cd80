import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

// Reports an import that leads back to the importing module (a runtime cycle: one of the two is
// read before the other is ready). eslint-plugin-import's no-cycle does the same by resolving and
// parsing the whole tree again for each file, 80 % of the lint run; this one parses each other
// module once per run, with TypeScript's parser, and keeps the graph while files are unchanged.

const EXTENSIONS = ["", ".ts", ".tsx", ".mts", ".mjs", ".js", "/index.ts", "/index.tsx"];
const cache = new Map(); // file → { mtimeMs, imports: string[] (resolved files) }

function resolve(spec, fromFile, root) {
  let base;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith("./") || spec.startsWith("../")) base = path.resolve(path.dirname(fromFile), spec);
  else return null;
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (candidate.includes(`${path.sep}node_modules${path.sep}`)) return null;
    try {
      if (fs.statSync(candidate).isFile()) return /\.(m?[jt]sx?)$/.test(candidate) ? candidate : null;
    } catch {
      // not this extension
    }
  }
  return null;
}

// A declaration whose every binding is a type is erased before run time: no edge.
function typeOnly(node) {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return false;
    if (clause.isTypeOnly) return true;
    const bindings = clause.namedBindings;
    return !clause.name && !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
  }
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const clause = node.exportClause;
    return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
  }
  return false;
}

function importsOf(file, root) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return [];
  }
  const kept = cache.get(file);
  if (kept && kept.mtimeMs === stat.mtimeMs) return kept.imports;
  const text = fs.readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const specs = [];
  for (const statement of source.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) && !typeOnly(statement)) {
      specs.push(statement.moduleSpecifier.text);
    }
  }
  if (text.includes("import(")) {
    const visit = (node) => {
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) specs.push(node.arguments[0].text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const imports = [...new Set(specs.map((s) => resolve(s, file, root)).filter(Boolean))];
  cache.set(file, { mtimeMs: stat.mtimeMs, imports });
  return imports;
}

// The shortest chain of imports from `start` back to `target`, or null.
function pathBack(start, target, root) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift();
    for (const next of importsOf(file, root)) {
      if (next === target) {
        const chain = [file];
        for (let at = previous.get(file); at; at = previous.get(at)) chain.unshift(at);
        return chain;
      }
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

const isTypeOnlyNode = (node) =>
  node.importKind === "type" ||
  node.exportKind === "type" ||
  (node.type === "ImportDeclaration" && node.specifiers.length > 0 && node.specifiers.every((s) => s.type === "ImportSpecifier" && s.importKind === "type")) ||
  (node.type === "ExportNamedDeclaration" && node.specifiers.length > 0 && node.specifiers.every((s) => s.exportKind === "type"));

export const noImportCycle = {
  meta: {
    type: "problem",
    docs: { description: "Forbid an import that leads back to the importing module" },
    schema: [],
    messages: { cycle: "Dependency cycle: {{chain}}" },
  },
  create(context) {
    const root = context.cwd;
    const file = path.resolve(context.filename);
    const check = (node, source) => {
      if (!source || typeof source.value !== "string" || isTypeOnlyNode(node)) return;
      const target = resolve(source.value, file, root);
      if (!target) return;
      const chain = target === file ? [] : pathBack(target, file, root);
      if (!chain) return;
      const names = [file, ...(target === file ? [] : chain), file].map((f) => path.relative(root, f));
      context.report({ node: source, messageId: "cycle", data: { chain: names.join(" → ") } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source),
    };
  },
};

const plugin = { rules: { "no-import-cycle": noImportCycle } };
export default plugin;
