// `npm stop`: ends the debugging session started by `npm start`.
// Windows/macOS: office-addin-debugging stops the dev server and removes the sideloaded add-in.
// Linux: stops the webpack dev server listening on the dev port.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const port = Number(pkg.config.dev_server_port);

if (process.platform === "win32" || process.platform === "darwin") {
  const r = spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exit(r.status ?? 1);
} else {
  const r = spawnSync("sh", ["-c", `pkill -f "webpack serve" ; fuser -k ${port}/tcp 2>/dev/null; true`], {
    stdio: "inherit",
  });
  console.log(`Stopped the development server on port ${port} (if one was running).`);
  process.exit(r.status ?? 0);
}
