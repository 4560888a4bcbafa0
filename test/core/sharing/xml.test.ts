import { describe, expect, it } from "vitest";
import { CrmError } from "../../../src/core/errors";
import { childElements, parseXml, textOf } from "../../../src/core/sharing/xml";

// Expected trees and positions worked out by hand from XML 1.0 (character positions are 0-based offsets).
describe("parseXml", () => {
  it("reads elements, attributes, text, CDATA and references, dropping prefixes but not xmlns names", () => {
    const root = parseXml(
      `<?xml version="1.0"?>\n<!-- c --><x:r xmlns:x="urn:a" x:id='7' t = "a&amp;b&#10;">` +
        `one<!-- skipped --><c v="1"/><![CDATA[<two>]]>&lt;&#x41;_x0001_<c>3</c></x:r>\n`,
    );
    expect(root.name).toBe("r");
    expect(root.attributes).toEqual({ "xmlns:x": "urn:a", id: "7", t: "a&b\n" });
    expect(textOf(root)).toBe("one<two><A\u0001");
    expect(childElements(root, "c").map((c) => [c.attributes, textOf(c)])).toEqual([
      [{ v: "1" }, ""],
      [{}, "3"],
    ]);
  });

  it.each([
    ["<a>", "unclosed <a>: <a> is not closed, at character 3", /not closed at character 3/],
    ["<a></b>", "wrong end tag at 7", /<\/b> closes <a> at character 6/],
    ["<a x=1/>", "unquoted attribute at 5", /expected a quoted attribute value at character 5/],
    ["<a x='<'/>", "< in an attribute", /at character 5/],
    ["<a/><b/>", "a second root at 4", /text after the root element at character 4/],
    ["<!DOCTYPE a><a/>", "a DTD at 0", /document type declaration is not allowed at character 0/],
    ["<a><![CDATA[x</a>", "unterminated CDATA", /unterminated CDATA section/],
    ["<a x", "start tag without end", /at character 4/],
    ["<a>&nbsp;</a>", "an unknown entity", /&nbsp;/],
  ])("refuses %s (%s)", (xml, _why, message) => {
    expect(() => parseXml(xml)).toThrow(CrmError);
    expect(() => parseXml(xml)).toThrow(message);
  });
});
