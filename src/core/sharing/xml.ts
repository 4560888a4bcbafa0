/**
 * The little XML the freeze record needs, without a DOM (core runs in plain Node): escaping text for
 * attributes and content, and a strict parser of elements, attributes and text. Namespace prefixes are
 * dropped from names (`x:c` → `c`; Excel may hand the part back with a prefix of its own). Comments, the XML
 * declaration and processing instructions are skipped; DTDs are refused.
 *
 * XML 1.0 cannot carry most control characters even as `&#n;`, but a cell's text can contain them. They are
 * written the way Office Open XML writes them, `_xHHHH_` (so `\u0001` → `_x0001_`), and a literal `_xHHHH_` in
 * the text is protected by escaping its underscore (`_x005F_`). Tab, line feed and carriage return are kept,
 * as character references inside attributes so that attribute normalisation does not turn them into spaces.
 */
import { valueError } from "../errors";
import { Message, msg } from "../messages/catalogue";

/** An element: its local name, attributes and children (elements or text). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

function encodeUnsafe(text: string): string {
  let out = text.replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F_${m.slice(1)}`);
  out = out.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
  return out;
}

function decodeUnsafe(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Escapes text for an attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return encodeUnsafe(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

/** Escapes text for element content. */
export function escapeText(text: string): string {
  return encodeUnsafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescape(raw: string, where: number): string {
  const s = raw.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);/g, (m, body: string) => {
    if (body.startsWith("#x")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const e = ENTITIES[body];
    if (e === undefined) throw valueError("sharing.xmlEntity", { entity: m, at: where });
    return e;
  });
  return decodeUnsafe(s);
}

function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/**
 * Parses an XML document into its root element. O(length).
 * @throws CrmError `#VALUE!` naming the character position when the text is not well-formed.
 */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const n = xml.length;
  const fail = (what: Message): never => {
    throw valueError("sharing.xmlProblem", { what, at: i });
  };
  /** Moves past the next `terminator`, returning where it begins; fails with `problem` when there is none. */
  const skipPast = (terminator: string, problem: Message): number => {
    const end = xml.indexOf(terminator, i);
    if (end < 0) fail(problem);
    i = end + terminator.length;
    return end;
  };
  const skipMisc = (): void => {
    for (;;) {
      while (i < n && /\s/.test(xml[i]!)) i++;
      if (xml.startsWith("<?", i)) {
        skipPast("?>", msg("sharing.xmlUnterminatedPi"));
      } else if (xml.startsWith("<!--", i)) {
        skipPast("-->", msg("sharing.xmlUnterminatedComment"));
      } else if (xml.startsWith("<!", i)) {
        fail(msg("sharing.xmlDoctype"));
      } else return;
    }
  };
  const NAME = /[A-Za-z_][\w.:-]*/y;
  const readName = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(xml);
    if (!m) fail(msg("sharing.xmlExpectedName"));
    i += m![0].length;
    return m![0];
  };
  const readElement = (): XmlElement => {
    if (xml[i] !== "<") fail(msg("sharing.xmlExpectedLt"));
    i++;
    const qname = readName();
    const el: XmlElement = { name: localName(qname), attributes: {}, children: [] };
    for (;;) {
      while (i < n && /\s/.test(xml[i]!)) i++;
      if (xml.startsWith("/>", i)) {
        i += 2;
        return el;
      }
      if (xml[i] === ">") {
        i++;
        break;
      }
      if (i >= n) fail(msg("sharing.xmlUnterminatedStartTag"));
      const attr = readName();
      while (/\s/.test(xml[i] ?? "")) i++;
      if (xml[i] !== "=") fail(msg("sharing.xmlExpectedEquals"));
      i++;
      while (/\s/.test(xml[i] ?? "")) i++;
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") fail(msg("sharing.xmlExpectedQuote"));
      const end = xml.indexOf(quote!, i + 1);
      if (end < 0) fail(msg("sharing.xmlUnterminatedAttribute"));
      const start = i + 1;
      const raw = xml.slice(start, end);
      if (raw.includes("<")) fail(msg("sharing.xmlLtInAttribute"));
      el.attributes[attr.startsWith("xmlns") ? attr : localName(attr)] = unescape(raw, start);
      i = end + 1;
    }
    for (;;) {
      if (i >= n) fail(msg("sharing.xmlNotClosed", { name: qname }));
      if (xml.startsWith("</", i)) {
        i += 2;
        const close = readName();
        if (close !== qname) fail(msg("sharing.xmlWrongClose", { close, open: qname }));
        while (/\s/.test(xml[i] ?? "")) i++;
        if (xml[i] !== ">") fail(msg("sharing.xmlExpectedGt"));
        i++;
        return el;
      }
      if (xml.startsWith("<!--", i)) {
        skipPast("-->", msg("sharing.xmlUnterminatedComment"));
      } else if (xml.startsWith("<![CDATA[", i)) {
        const start = i + 9;
        el.children.push(decodeUnsafe(xml.slice(start, skipPast("]]>", msg("sharing.xmlUnterminatedCdata")))));
      } else if (xml[i] === "<") {
        el.children.push(readElement());
      } else {
        const end = xml.indexOf("<", i);
        const stop = end < 0 ? n : end;
        el.children.push(unescape(xml.slice(i, stop), i));
        i = stop;
      }
    }
  };
  skipMisc();
  const root = readElement();
  skipMisc();
  if (i < n) fail(msg("sharing.xmlTrailingText"));
  return root;
}

/** The text content of an element (its text children joined). */
export function textOf(el: XmlElement): string {
  return el.children.filter((c): c is string => typeof c === "string").join("");
}

/** The element children of an element, by local name. */
export function childElements(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string" && c.name === name);
}
