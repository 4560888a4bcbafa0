#!/usr/bin/env node
// `npx crm-scorecard …`: the scorecard command line (src/cli/crm-scorecard.ts), run through tsx so that the
// same TypeScript the add-in uses runs here without a separate build.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const tsx = require.resolve("tsx/cli");
const cli = fileURLToPath(new URL("../src/cli/crm-scorecard.ts", import.meta.url));
const run = spawnSync(process.execPath, [tsx, cli, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(run.status ?? 1);
