// `npm run build:cli` (also run by `npm run build` and before `npm pack`): builds the `crm-scorecard` and
// `crm-analyze` commands into lib/<command>.mjs — one ES module each holding src/cli and the src/core it uses, so the installed
// command needs Node and its declared `dependencies` (exceljs) only: no tsx, no TypeScript, no build step.
import { build } from "esbuild";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
mkdirSync(new URL("../lib/", import.meta.url), { recursive: true });
for (const command of ["crm-scorecard", "crm-analyze"]) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [`src/cli/${command}.ts`],
    outfile: `lib/${command}.mjs`,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Runtime dependencies stay imports, resolved from the installed package's node_modules.
    packages: "external",
    legalComments: "none",
    logLevel: "warning",
    banner: { js: `// Built by scripts/build-cli.mjs from src/cli/${command}.ts (npm run build:cli); do not edit.` },
    write: false,
  });
  // Written whole, then renamed: a command starting meanwhile runs the old build or the new, never half of one.
  const [file] = result.outputFiles;
  const temp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temp, file.contents);
  renameSync(temp, file.path);
}
