#!/usr/bin/env node
// `crm-scorecard …`: the scorecard command line, built from src/cli/crm-scorecard.ts into lib/ as plain
// JavaScript (`npm run build:cli`; `npm run build` and `npm pack` run it). It runs in this process, with no
// child: Ctrl+C or a kill ends it, and an interrupted write leaves no file behind.
import { existsSync } from "node:fs";

const lib = new URL("../lib/crm-scorecard.mjs", import.meta.url);
if (!existsSync(lib)) {
  console.error("crm-scorecard is not built in this checkout: run `npm run build:cli` first.");
  process.exit(1);
}
const { runAsProgram } = await import(lib.href);
runAsProgram(process.argv.slice(2));
