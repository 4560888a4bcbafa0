// Lists the functions of src/**/*.ts longer than a limit (default 80 lines), with the TypeScript compiler's parser.
//
//   node scripts/fnlen.mjs [--max 80] [--check] [dir ...]
//
// A function's length is the lines from its first line (name or `function` keyword, decorators and doc comment
// left out) to its closing brace. Function declarations, methods, accessors, constructors, function expressions
// and arrow functions with a block body all count; a function nested in another counts on its own too (and
// inside its parent's length). A long function is a "numeric kernel" when its doc comment (or the comment lines
// just above it), or that of a function it is nested in, says "Numeric kernel", with the reason; the house rules
// allow only those past the limit.
// Prints one row per long function, longest first: `lines  file:line  name  kernel|NOT a kernel`.
// --check: exit 1 when a function that is not a numeric kernel is over the limit (for CI).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const args = process.argv.slice(2);
let max = 80;
let check = false;
const roots = [];
for (let k = 0; k < args.length; k++) {
  if (args[k] === "--max") max = Number(args[++k]);
  else if (args[k] === "--check") check = true;
  else roots.push(args[k]);
}
if (!(max > 0)) throw new Error("--max takes a number of lines");
if (roots.length === 0) roots.push("src");

/** Every .ts file below `dir` (not .d.ts). */
function tsFiles(dir) {
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : tsFiles(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** The name a reader would look for: the declared name, or the variable / property an expression is bound to. */
function nameOf(node) {
  if (node.name !== undefined) return node.name.getText();
  if (ts.isConstructorDeclaration(node)) return "constructor";
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    return parent.name.getText();
  }
  if (ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText().slice(0, 40)})`;
  if (ts.isReturnStatement(parent)) return "(the function it returns)";
  return "(anonymous)";
}

/** The statement whose comments document `node` (the variable statement of `const f = () => {…}`). */
function documented(node) {
  let n = node;
  while (n.parent !== undefined && !ts.isSourceFile(n.parent) && !ts.isBlock(n.parent) && !ts.isClassLike(n.parent)) {
    if (ts.isCallExpression(n.parent) || ts.isObjectLiteralExpression(n.parent)) break;
    n = n.parent;
  }
  return n;
}

/** Whether `node`, or a function it is nested in, says in its comment that it is a numeric kernel. */
function isKernel(node, text) {
  for (let n = node; n !== undefined; n = n.parent) {
    if (!ts.isFunctionLike(n)) continue;
    const ranges = ts.getLeadingCommentRanges(text, documented(n).getFullStart()) ?? [];
    if (ranges.some((r) => /numeric kernel/i.test(text.slice(r.pos, r.end)))) return true;
  }
  return false;
}

const rows = [];
for (const root of roots) {
  for (const file of tsFiles(root)) {
    const text = readFileSync(file, "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      const isFunction =
        ts.isFunctionDeclaration(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isGetAccessorDeclaration(node) ||
        ts.isSetAccessorDeclaration(node) ||
        ts.isConstructorDeclaration(node) ||
        ts.isFunctionExpression(node) ||
        (ts.isArrowFunction(node) && ts.isBlock(node.body));
      if (isFunction && node.body !== undefined) {
        const first = source.getLineAndCharacterOfPosition(node.getStart(source, false)).line;
        const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = last - first + 1;
        if (lines > max) {
          rows.push({ lines, where: `${file}:${first + 1}`, name: nameOf(node), kernel: isKernel(node, text) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
}

rows.sort((a, b) => b.lines - a.lines || a.where.localeCompare(b.where));
for (const r of rows) {
  console.log(`${String(r.lines).padStart(5)}  ${r.where}  ${r.name}  ${r.kernel ? "numeric kernel" : "NOT a kernel"}`);
}
const offenders = rows.filter((r) => !r.kernel).length;
console.log(
  `${rows.length} functions over ${max} lines, ${rows.length - offenders} numeric kernels, ${offenders} others`,
);
if (check && offenders > 0) process.exitCode = 1;
