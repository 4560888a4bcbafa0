// Regenerates docs/images/analysis-sheet-{en,zh}.png and prints the figures of README's table "What the sheet
// shows for the CDNOW master cohort": `node scripts/analysis-pictures.mjs` (needs LibreOffice and Debian's
// Chromium, as the recalculation and browser tests do; not part of npm test).
//
// 1. ../shared/data/cdnow/CDNOW_master.txt (whitespace-separated: id, YYYYMMDD date, CDs, dollars) becomes a
//    CSV log customer,date,amount; `crm-analyze` (lib/, built by `npm run build:cli`) writes the English and the
//    Chinese (--lang zh) analysis sheet of it.
// 2. LibreOffice (headless, a private profile) opens both, recalculates every formula and saves them as HTML
//    (cells as shown: number formats, bold, fills) and as CSV (the values, for the figures).
// 3. The HTML is cut after the lifecycle-stage block (header, KPIs, models, score breaks, distributions) and
//    Chromium photographs the first five columns.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
/* global document -- the page function below runs in Chromium */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MASTER = process.env.CDNOW_MASTER ?? path.join(ROOT, "..", "shared", "data", "cdnow", "CDNOW_master.txt");
const IMAGES = path.join(ROOT, "docs", "images");
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1";
/** The last label of the lifecycle-stage block, where the picture ends. */
const LAST_STAGE = { en: "Lost", zh: "流失客户" };
/** Columns photographed (A–E: labels, values, parameters). */
const COLUMNS = 5;

/** The CDNOW master log as a CSV log: customer,date,amount (the CD count is left out). */
function cdnowCsv(file) {
  const lines = readFileSync(MASTER, "utf8").split(/\r?\n/).slice(1);
  const rows = ["customer,date,amount"];
  for (const line of lines) {
    const f = line.trim().split(/\s+/);
    if (f.length === 4) rows.push(`${f[0]},${f[1]},${f[3]}`);
  }
  writeFileSync(file, `${rows.join("\n")}\n`);
  return rows.length - 1;
}

/** Splits LibreOffice's CSV (RFC 4180) into rows of strings. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** The first `rows` rows of LibreOffice's HTML table (the rest of the sheet dropped), cells unwrapped. */
function topRows(html, rows) {
  let at = 0;
  for (let k = 0; k < rows; k++) at = html.indexOf("</tr>", at) + "</tr>".length;
  // cells on one line, as a spreadsheet shows them (LibreOffice's HTML wraps long texts in narrow columns)
  const head = html.slice(0, at).replace("</head>", "<style>td { white-space: nowrap }</style></head>");
  return `${head}\n</table>\n</body>\n</html>\n`;
}

/** The figures of README's table, from a recalculated sheet's rows (label → shown value). */
function figures(rows) {
  const out = [];
  for (const row of rows) {
    const [label, value, third] = row;
    if (label === undefined || label === "" || value === undefined || value === "") continue;
    out.push(`| ${label} | ${value} |${third ? ` ${third} |` : ""}`);
  }
  return out.join("\n");
}

async function main() {
  if (!existsSync(path.join(ROOT, "lib", "crm-analyze.mjs")))
    execFileSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  const work = mkdtempSync(path.join(os.tmpdir(), "analysis-pictures-"));
  try {
    const log = path.join(work, "cdnow.csv");
    console.log(`CDNOW master: ${cdnowCsv(log)} transactions`);
    const books = { en: path.join(work, "en.xlsx"), zh: path.join(work, "zh.xlsx") };
    for (const [lang, out] of Object.entries(books)) {
      execFileSync("node", [path.join(ROOT, "lib", "crm-analyze.mjs"), log, "--lang", lang, "--out", out], {
        stdio: "inherit",
      });
    }
    const profile = pathToFileURL(path.join(os.tmpdir(), `lo-analysis-pictures-${process.pid}`)).href;
    for (const filter of ["html", CSV_FILTER]) {
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=${profile}`,
          "--headless",
          "--norestore",
          "--convert-to",
          filter,
          "--outdir",
          work,
          books.en,
          books.zh,
        ],
        { stdio: "ignore", timeout: 600_000 },
      );
    }
    rmSync(fileURLToPath(profile), { recursive: true, force: true });
    const browser = await chromium.launch({
      executablePath: process.env.CRM_CHROMIUM ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
    try {
      for (const lang of ["en", "zh"]) {
        const csv = readdirSync(work).find((f) => f.startsWith(`${lang}-`) && f.endsWith(".csv"));
        const rows = parseCsv(readFileSync(path.join(work, csv), "utf8"));
        const end = rows.findLastIndex((r) => r[0] === LAST_STAGE[lang]) + 1;
        console.log(
          `\n${lang}: the sheet's top ${end} rows, recalculated by LibreOffice\n${figures(rows.slice(0, end))}`,
        );
        const html = path.join(work, `${lang}-top.html`);
        writeFileSync(html, topRows(readFileSync(path.join(work, `${lang}.html`), "utf8"), end));
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
        await page.goto(pathToFileURL(html).href);
        const box = await page.evaluate((columns) => {
          const table = document.querySelector("table").getBoundingClientRect();
          const cell = document.querySelector("tr").children[columns - 1].getBoundingClientRect();
          return { width: Math.ceil(cell.right - table.left) + 8, height: Math.ceil(table.height) + 8 };
        }, COLUMNS);
        const png = path.join(IMAGES, `analysis-sheet-${lang}.png`);
        await page.screenshot({ path: png, clip: { x: 0, y: 0, ...box } });
        console.log(`wrote ${path.relative(ROOT, png)} (${box.width} × ${box.height})`);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
