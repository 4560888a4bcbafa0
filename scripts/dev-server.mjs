// The record of the development server that `npm start` started on Linux, so that `npm stop` ends that
// server and nothing else (not another project's webpack, not whatever else listens on the port).
//
// The record (.tmp/dev-server.json, git-ignored) holds the server's process id — also the id of its process
// group, as it is started in a group of its own — with its start time and working folder as /proc shows them.
// A process id can be reused once its process has ended, so the record counts only while /proc shows, for
// that id, the same start time, this project's folder and a webpack command line (webpack-cli renames its
// process to "webpack", so the command line is checked for that word, not compared whole).
import { mkdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Where the record lives. */
export const RECORD = fileURLToPath(new URL("../.tmp/dev-server.json", import.meta.url));
/** The project's folder, the dev server's working folder. */
const ROOT = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");

/**
 * What /proc says about a process: its command line (arguments joined by spaces), working folder, process
 * group and start time (clock ticks since boot), or null when there is no such process.
 */
export function processInfo(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid pgrp session …": the name may hold spaces and parentheses, so split after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0+$/, "").replace(/\0/g, " ");
    let cwd = null;
    try {
      cwd = readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      /* another user's process: its folder is not ours to read, and it is not ours either */
    }
    return { cmdline, cwd, pgrp: Number(fields[2]), startTime: fields[19] };
  } catch {
    return null;
  }
}

/** Writes the record for a server just started as `pid` (in a process group of its own). */
export function writeRecord(pid, port) {
  const info = processInfo(pid);
  if (info === null) return;
  mkdirSync(new URL("../.tmp/", import.meta.url), { recursive: true });
  const record = {
    pid,
    port,
    cmdline: info.cmdline,
    cwd: info.cwd,
    startTime: info.startTime,
    started: new Date().toISOString(),
  };
  writeFileSync(RECORD, `${JSON.stringify(record, null, 2)}\n`);
}

/** The record, or null when there is none (or it is unreadable: it is then stale by definition). */
export function readRecord() {
  try {
    const r = JSON.parse(readFileSync(RECORD, "utf8"));
    return Number.isInteger(r.pid) && r.pid > 1 ? r : null;
  } catch {
    return null;
  }
}

/** Removes the record, but only while it still names `pid` (when given): a newer `npm start` keeps its own. */
export function removeRecord(pid) {
  const r = readRecord();
  if (pid === undefined || r === null || r.pid === pid) rmSync(RECORD, { force: true });
}

/**
 * Whether the recorded server is running: "ours" (same id and start time, in this project's folder, a
 * webpack command line), "gone" (no such process), or "other" (the id now belongs to another program,
 * which must be left alone).
 */
export function recordState(record) {
  const info = processInfo(record.pid);
  if (info === null) return "gone";
  const same = info.startTime === record.startTime && info.cwd === ROOT && /webpack/.test(info.cmdline);
  return same ? "ours" : "other";
}

/** Whether any process is still in process group `pgid`. */
export function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
