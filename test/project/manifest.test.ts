import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { ROOT, readDist } from "../support/dist";

const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { config: { production_url: string } };
const source = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: false });

/** Every element of the parsed document, depth first, with its tag name. */
function elements(node: unknown, tag = "", out: { tag: string; node: Record<string, unknown> }[] = []) {
  if (Array.isArray(node)) node.forEach((n) => elements(n, tag, out));
  else if (node && typeof node === "object") {
    out.push({ tag, node: node as Record<string, unknown> });
    for (const [k, v] of Object.entries(node)) if (!k.startsWith("@")) elements(v, k, out);
  }
  return out;
}

function attributeValues(xml: string, attr: string): string[] {
  return elements(parser.parse(xml))
    .map((e) => e.node[`@${attr}`])
    .filter((v): v is string => typeof v === "string");
}

describe("manifest.xml (source, development URLs)", () => {
  const doc = parser.parse(source) as Record<string, Record<string, unknown>>;
  const all = elements(doc);

  it("is an Excel (Workbook) task pane add-in", () => {
    expect(doc.OfficeApp?.["@xsi:type"]).toBe("TaskPaneApp");
    const hosts = all.filter((e) => e.tag === "Host").map((e) => e.node["@Name"] ?? e.node["@xsi:type"]);
    expect(hosts).toContain("Workbook");
  });

  it("declares the CRM namespace for custom functions", () => {
    const ns = all.find((e) => e.tag === "Namespace")?.node["@resid"];
    const strings = all.filter((e) => e.tag === "bt:String" && e.node["@id"] === ns);
    expect(strings.map((s) => s.node["@DefaultValue"])).toEqual(["CRM"]);
  });

  it("uses a shared runtime with lifetime long, for the functions and the task pane", () => {
    const runtime = all.find((e) => e.tag === "Runtime")?.node;
    expect(runtime?.["@lifetime"]).toBe("long");
    const page = all.find((e) => e.tag === "Page");
    expect(JSON.stringify(page?.node)).toContain(String(runtime?.["@resid"]));
  });

  it("requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.1", () => {
    const sets = all
      .filter((e) => e.tag === "Set")
      .map((e) => `${String(e.node["@Name"])} ${String(e.node["@MinVersion"])}`);
    expect(sets).toEqual(expect.arrayContaining(["SharedRuntime 1.1", "CustomFunctionsRuntime 1.1"]));
  });

  it("has a ribbon button that shows the task pane", () => {
    const control = all.find((e) => e.tag === "Control" && e.node["@xsi:type"] === "Button");
    expect(JSON.stringify(control?.node)).toContain("ShowTaskpane");
  });

  it("defines every resid it uses, exactly once", () => {
    const used = new Set(attributeValues(source, "resid"));
    const defined = all
      .filter((e) => /^bt:(Image|Url|String)$/.test(e.tag) && e.node["@id"] !== undefined)
      .map((e) => String(e.node["@id"]));
    for (const id of used) expect(defined, `resid ${id}`).toContain(id);
    expect(defined.filter((d, i) => defined.indexOf(d) !== i)).toEqual([]);
  });

  it("puts every URL on the same base, https://localhost:3000/", () => {
    const urls = [...source.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith("https://localhost:3000/"), u).toBe(true);
  });

  it("points at icons that exist in assets/ in 16, 32, 64 and 80 px", () => {
    const icons = [...source.matchAll(/https:\/\/localhost:3000\/(assets\/[^"]+\.png)/g)].map((m) => m[1]!);
    for (const size of [16, 32, 64, 80]) expect(icons).toContain(`assets/icon-${size}.png`);
    for (const icon of icons) {
      const png = readFileSync(path.join(ROOT, icon));
      const size = Number(/icon-(\d+)/.exec(icon)![1]);
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it("overrides the functions metadata for zh-CN with functions.zh-CN.json", () => {
    expect(source).toMatch(/<bt:Override Locale="zh-CN" Value="https:\/\/localhost:3000\/functions\.zh-CN\.json"\/>/);
  });
});

describe("dist/manifest.xml (production build)", () => {
  const built = readDist("manifest.xml");

  it("carries no localhost URL, only the production base from package.json", () => {
    expect(built).not.toMatch(/localhost/);
    const base = pkg.config.production_url.replace(/\/?$/, "/");
    const urls = [...built.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]!);
    for (const u of urls) expect(u.startsWith(base), u).toBe(true);
  });

  it("is still well-formed XML with the same resources", () => {
    expect(attributeValues(built, "resid").sort()).toEqual(attributeValues(source, "resid").sort());
  });

  it("ships every file the manifest references", () => {
    const base = pkg.config.production_url.replace(/\/?$/, "/");
    const files = [...built.matchAll(/(?:DefaultValue|Value)="([^"]+)"/g)]
      .map((m) => m[1]!)
      .filter((u) => u.startsWith(base))
      .map((u) => u.slice(base.length));
    for (const f of files) expect(existsSync(path.join(ROOT, "dist", f)), f).toBe(true);
  });
});
