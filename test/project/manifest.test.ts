/**
 * manifest.xml as written (development URLs): read with Microsoft's own reader (office-addin-manifest, the
 * package `npm run validate` uses) and parsed as XML for what the reader does not expose. The production
 * manifest of dist/ is checked in test/integration/build.test.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/dist";
import { attributeValues, parseXml, xmlElements } from "../support/manifestXml";

const MANIFEST = path.join(ROOT, "manifest.xml");
const source = readFileSync(MANIFEST, "utf8");

describe("manifest.xml read by office-addin-manifest (readManifestFile)", () => {
  it("is an XML task pane add-in for Excel workbooks, with its id, version and names", async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info).toMatchObject({
      manifestType: "xml",
      officeAppType: "TaskPaneApp",
      hosts: ["Workbook"],
      defaultLocale: "en-US",
      displayName: "CRM Metrics",
      providerName: "CRM Metrics for Excel",
      permissions: "ReadWriteDocument",
    });
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("opens the task pane from https://localhost:3000/ and serves its icons there", async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info.defaultSettings?.sourceLocation).toBe("https://localhost:3000/taskpane.html");
    expect(info.appDomains).toEqual(["https://localhost:3000"]);
    expect(info.iconUrl).toBe("https://localhost:3000/assets/icon-32.png");
    expect(info.highResolutionIconUrl).toBe("https://localhost:3000/assets/icon-64.png");
  });
});

describe("manifest.xml (source, development URLs)", () => {
  const doc = parseXml(source) as Record<string, Record<string, unknown>>;
  const all = xmlElements(doc);

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
