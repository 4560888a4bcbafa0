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

/** Whether the character at `i` is white space (false past the end). */
function isSpaceAt(xml: string, i: number): boolean {
  return /\s/.test(xml[i] ?? "");
}

const NAME = /[A-Za-z_][\w.:-]*/y;

/**
 * A strict recursive-descent reader over one document: `i` is the position reached, and every failure names
 * it. One method per production: misc (white space, comments, declarations), element, start tag, attribute,
 * content, end tag.
 */
class XmlReader {
  i = 0;
  constructor(private readonly xml: string) {}

  /** @throws CrmError `#VALUE!` "what, at character i". */
  fail(what: Message): never {
    throw valueError("sharing.xmlProblem", { what, at: this.i });
  }

  /** Moves past the next `terminator`, returning where it begins; fails with `problem` when there is none. */
  skipPast(terminator: string, problem: Message): number {
    const end = this.xml.indexOf(terminator, this.i);
    if (end < 0) this.fail(problem);
    this.i = end + terminator.length;
    return end;
  }

  skipSpace(): void {
    while (isSpaceAt(this.xml, this.i)) this.i++;
  }

  /** Skips what may stand around the root: white space, the declaration, processing instructions, comments. */
  skipMisc(): void {
    for (;;) {
      this.skipSpace();
      if (this.xml.startsWith("<?", this.i)) {
        this.skipPast("?>", msg("sharing.xmlUnterminatedPi"));
      } else if (this.xml.startsWith("<!--", this.i)) {
        this.skipPast("-->", msg("sharing.xmlUnterminatedComment"));
      } else if (this.xml.startsWith("<!", this.i)) {
        this.fail(msg("sharing.xmlDoctype"));
      } else return;
    }
  }

  readName(): string {
    NAME.lastIndex = this.i;
    const m = NAME.exec(this.xml);
    if (!m) return this.fail(msg("sharing.xmlExpectedName"));
    this.i += m[0].length;
    return m[0];
  }

  /** An element from its `<`: the start tag, then (unless it is empty, `/>`) its content and end tag. */
  readElement(): XmlElement {
    if (this.xml[this.i] !== "<") this.fail(msg("sharing.xmlExpectedLt"));
    this.i++;
    const qname = this.readName();
    const el: XmlElement = { name: localName(qname), attributes: {}, children: [] };
    if (this.readAttributes(el)) this.readContent(el, qname);
    return el;
  }

  /** The rest of a start tag into `el.attributes`; true when content follows (`>`), false for `/>`. */
  readAttributes(el: XmlElement): boolean {
    for (;;) {
      this.skipSpace();
      if (this.xml.startsWith("/>", this.i)) {
        this.i += 2;
        return false;
      }
      if (this.xml[this.i] === ">") {
        this.i++;
        return true;
      }
      if (this.i >= this.xml.length) this.fail(msg("sharing.xmlUnterminatedStartTag"));
      this.readAttribute(el);
    }
  }

  /** One `name = "value"` (or single quotes); namespace declarations keep their full name. */
  readAttribute(el: XmlElement): void {
    const xml = this.xml;
    const attr = this.readName();
    this.skipSpace();
    if (xml[this.i] !== "=") this.fail(msg("sharing.xmlExpectedEquals"));
    this.i++;
    this.skipSpace();
    const quote = xml[this.i];
    if (quote !== '"' && quote !== "'") return this.fail(msg("sharing.xmlExpectedQuote"));
    const end = xml.indexOf(quote, this.i + 1);
    if (end < 0) this.fail(msg("sharing.xmlUnterminatedAttribute"));
    const start = this.i + 1;
    const raw = xml.slice(start, end);
    if (raw.includes("<")) this.fail(msg("sharing.xmlLtInAttribute"));
    el.attributes[attr.startsWith("xmlns") ? attr : localName(attr)] = unescape(raw, start);
    this.i = end + 1;
  }

  /** Children (text, CDATA, elements; comments skipped) up to and including the end tag of `qname`. */
  readContent(el: XmlElement, qname: string): void {
    const xml = this.xml;
    const n = xml.length;
    for (;;) {
      if (this.i >= n) this.fail(msg("sharing.xmlNotClosed", { name: qname }));
      if (xml.startsWith("</", this.i)) {
        this.readEndTag(qname);
        return;
      }
      if (xml.startsWith("<!--", this.i)) {
        this.skipPast("-->", msg("sharing.xmlUnterminatedComment"));
      } else if (xml.startsWith("<![CDATA[", this.i)) {
        const start = this.i + 9;
        el.children.push(decodeUnsafe(xml.slice(start, this.skipPast("]]>", msg("sharing.xmlUnterminatedCdata")))));
      } else if (xml[this.i] === "<") {
        el.children.push(this.readElement());
      } else {
        const end = xml.indexOf("<", this.i);
        const stop = end < 0 ? n : end;
        el.children.push(unescape(xml.slice(this.i, stop), this.i));
        this.i = stop;
      }
    }
  }

  /** `</qname>`, from its `</`. */
  readEndTag(qname: string): void {
    this.i += 2;
    const close = this.readName();
    if (close !== qname) this.fail(msg("sharing.xmlWrongClose", { close, open: qname }));
    this.skipSpace();
    if (this.xml[this.i] !== ">") this.fail(msg("sharing.xmlExpectedGt"));
    this.i++;
  }
}

/**
 * Parses an XML document into its root element. O(length).
 * @throws CrmError `#VALUE!` naming the character position when the text is not well-formed.
 */
export function parseXml(xml: string): XmlElement {
  const reader = new XmlReader(xml);
  reader.skipMisc();
  const root = reader.readElement();
  reader.skipMisc();
  if (reader.i < xml.length) reader.fail(msg("sharing.xmlTrailingText"));
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
