/**
 * The production build, dist/ (`npm run build`, which `npm test` runs before this layer): the metadata it
 * ships is exactly what the adapters' JSDoc and the translation tables generate (the unit layer checks those
 * without a build), and its manifest points at the production URL of package.json and at files it ships.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";
import { describe, expect, it } from "vitest";
import { DIST, ROOT, readDist } from "../support/dist";
import { generatedMetadata } from "../support/functionMetadata";
import { attributeValues } from "../support/manifestXml";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeMetadata, readMetaTables } = require("../../scripts/localize-metadata.js") as {
  localizeMetadata: (m: unknown, t: unknown, l: string) => unknown;
  readMetaTables: (dir: string) => Record<string, unknown>;
};

const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { config: { production_url: string } };
const base = pkg.config.production_url.replace(/\/?$/, "/");

describe("dist/functions.json and functions.zh-CN.json", () => {
  it("functions.json is, byte for byte, what the adapters' JSDoc generates", async () => {
    const { metadata } = await generatedMetadata();
    expect(readDist("functions.json")).toBe(JSON.stringify(metadata, null, 2));
  });

  it("functions.zh-CN.json is functions.json with the Chinese help of src/functions/*.meta.json", async () => {
    const { metadata } = await generatedMetadata();
    const zh = localizeMetadata(metadata, readMetaTables(path.join(ROOT, "src/functions")), "zh-CN");
    expect(readDist("functions.zh-CN.json")).toBe(JSON.stringify(zh, null, 2));
  });
});

describe("dist/manifest.xml (production build)", () => {
  const built = readDist("manifest.xml");
  const source = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

  it("carries no localhost URL, only the production base from package.json", () => {
    expect(built).not.toMatch(/localhost/);
    const urls = [...built.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]!);
    for (const u of urls) expect(u.startsWith(base), u).toBe(true);
  });

  it("reads, with office-addin-manifest, as the same add-in on the production origin", async () => {
    const dev = await OfficeAddinManifest.readManifestFile(path.join(ROOT, "manifest.xml"));
    const prod = await OfficeAddinManifest.readManifestFile(path.join(DIST, "manifest.xml"));
    expect(prod).toMatchObject({ id: dev.id, version: dev.version, hosts: dev.hosts, displayName: dev.displayName });
    expect(prod.defaultSettings?.sourceLocation).toBe(`${base}taskpane.html`);
    expect(prod.appDomains).toEqual([new URL(base).origin]);
  });

  it("is still well-formed XML with the same resources", () => {
    expect(attributeValues(built, "resid").sort()).toEqual(attributeValues(source, "resid").sort());
  });

  it("ships every file the manifest references", () => {
    const files = [...built.matchAll(/(?:DefaultValue|Value)="([^"]+)"/g)]
      .map((m) => m[1]!)
      .filter((u) => u.startsWith(base))
      .map((u) => u.slice(base.length));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(existsSync(path.join(DIST, f)), f).toBe(true);
  });
});
