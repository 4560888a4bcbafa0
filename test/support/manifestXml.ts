/** The add-in manifest parsed as XML, for what office-addin-manifest's reader does not expose. */
import { XMLParser } from "fast-xml-parser";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: false });

/** The parsed document: elements as objects, attributes as "@name" keys (namespace prefixes kept). */
export function parseXml(xml: string): unknown {
  return parser.parse(xml) as unknown;
}

/** Every element of the parsed document, depth first, with its tag name. */
export function xmlElements(
  node: unknown,
  tag = "",
  out: { tag: string; node: Record<string, unknown> }[] = [],
): { tag: string; node: Record<string, unknown> }[] {
  if (Array.isArray(node)) node.forEach((n) => xmlElements(n, tag, out));
  else if (node && typeof node === "object") {
    out.push({ tag, node: node as Record<string, unknown> });
    for (const [k, v] of Object.entries(node)) if (!k.startsWith("@")) xmlElements(v, k, out);
  }
  return out;
}

/** The values of one attribute over the whole document, in document order. */
export function attributeValues(xml: string, attr: string): string[] {
  return xmlElements(parseXml(xml))
    .map((e) => e.node[`@${attr}`])
    .filter((v): v is string => typeof v === "string");
}
