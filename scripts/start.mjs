// `npm start`: build, serve https://localhost:3000 and sideload.
// Windows/macOS: office-addin-debugging starts the dev server and sideloads manifest.xml into desktop Excel.
// Linux (no desktop Excel): serves the add-in over https and prints how to sideload it into Excel on the web.
// The server runs in a process group of its own, recorded in .tmp/dev-server.json (scripts/dev-server.mjs),
// so that `npm stop` ends exactly that server and nothing else.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readRecord, recordState, removeRecord, writeRecord } from "./dev-server.mjs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const port = Number(pkg.config.dev_server_port);

function portIsFree(p) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(p, "localhost");
  });
}

function run(cmd, args) {
  const child = spawn(cmd, args, { stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 1));
  // Ctrl+C or a kill of `npm start` also ends the server it started.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  return child;
}

/**
 * Starts the webpack dev server (node running webpack-cli, no npx or shell in between) in a process group of
 * its own, records it, and ends with it. Ctrl+C, SIGTERM or SIGHUP to `npm start` end the whole group.
 */
function serve() {
  const webpackCli = createRequire(import.meta.url).resolve("webpack-cli/bin/cli.js");
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    stdio: "inherit",
    detached: true,
  });
  writeRecord(child.pid, port);
  child.on("exit", (code, signal) => {
    removeRecord(child.pid);
    // Ended by a signal (Ctrl+C, `npm stop`) is a normal end; a crash keeps its exit code.
    process.exit(code ?? (signal === null ? 1 : 0));
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        /* the group has already ended */
      }
    });
  }
}

const recorded = process.platform === "linux" ? readRecord() : null;
if (recorded !== null && recordState(recorded) === "ours") {
  console.error(
    `\nThe development server started by an earlier \`npm start\` is still running (process ${recorded.pid}).`,
  );
  console.error("Use it, or end it with `npm stop`, and try again.\n");
  process.exit(1);
}

if (!(await portIsFree(port))) {
  console.error(`\nPort ${port} is already in use, so the add-in cannot be served on https://localhost:${port}.`);
  console.error(
    `Stop whatever uses it (\`npm stop\` if it is an earlier \`npm start\`; \`lsof -i :${port}\` shows it) and try again.\n`,
  );
  process.exit(1);
}

if (process.platform === "win32" || process.platform === "darwin") {
  run("npx", ["office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"]);
} else {
  console.log(`
CRM Metrics for Excel — development server
==========================================
Serving the add-in on https://localhost:${port}/ (taskpane.html, functions.js, functions.json, manifest.xml).
Desktop Excel does not run on Linux; sideload into Excel on the web:
  1. Open https://localhost:${port}/taskpane.html in this browser once. If it warns about the certificate,
     accept it (or run \`npx office-addin-dev-certs install\` to trust a local development CA).
  2. Go to https://www.office.com, open or create a workbook in Excel for the web.
  3. Home tab > Add-ins > More Add-ins (or Insert > Add-ins) > My Add-ins > Upload My Add-in.
  4. Choose ${process.cwd()}/manifest.xml and press Upload.
  5. The "CRM Scorecard" button appears on the Home tab; type =CRM. in a cell to see the formulas.
Stop with Ctrl+C (or \`npm stop\` from another terminal).
`);
  serve();
}
