// `npm stop`: ends the debugging session started by `npm start`.
// Windows/macOS: office-addin-debugging stops the dev server and removes the sideloaded add-in.
// Linux: ends the development server that `npm start` recorded in .tmp/dev-server.json (its process group)
// and nothing else: another project's dev server, or anything else listening on the port, is left alone.
import { spawnSync } from "node:child_process";
import { groupAlive, processInfo, readRecord, recordState, removeRecord } from "./dev-server.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Sends `signal` to process group `pgid`, then waits up to `ms` for the group to end. True if it ended. */
async function endGroup(pgid, signal, ms) {
  try {
    process.kill(-pgid, signal);
  } catch {
    return true;
  }
  for (const until = Date.now() + ms; Date.now() < until; await sleep(100)) if (!groupAlive(pgid)) return true;
  return !groupAlive(pgid);
}

if (process.platform === "win32" || process.platform === "darwin") {
  const r = spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exit(r.status ?? 1);
}

const record = readRecord();
if (record === null) {
  console.log("No development server started by `npm start` is recorded: nothing to stop.");
  removeRecord();
  process.exit(0);
}
const state = recordState(record);
if (state === "ours") {
  // The server leads its own process group (npm start made it so); end the group, the server's children too.
  const pgid = processInfo(record.pid)?.pgrp === record.pid ? record.pid : null;
  const ended =
    pgid === null
      ? (process.kill(record.pid, "SIGTERM"), true)
      : (await endGroup(pgid, "SIGTERM", 10_000)) || (await endGroup(pgid, "SIGKILL", 5_000));
  removeRecord(record.pid);
  console.log(
    ended
      ? `Stopped the development server started by \`npm start\` (process ${record.pid}, port ${record.port}).`
      : `Could not stop the development server (process ${record.pid}); end it yourself.`,
  );
  process.exit(ended ? 0 : 1);
}
if (state === "gone" && groupAlive(record.pid)) {
  // The server has ended but children of it remain in its group. A group id cannot be reused while the group
  // exists (Linux keeps the id allocated), so these can only be ours.
  await endGroup(record.pid, "SIGTERM", 5_000);
}
removeRecord(record.pid);
console.log(
  state === "gone"
    ? `The development server recorded by \`npm start\` (process ${record.pid}) is no longer running; removed the stale record.`
    : `Process ${record.pid}, recorded by \`npm start\`, is now another program, which was left alone; removed the stale record.`,
);
