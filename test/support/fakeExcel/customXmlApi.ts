/**
 * Excel.CustomXmlPartCollection (add, getItem(OrNullObject), getByNamespace), its namespace-scoped collection
 * (getItem, getOnlyItem(OrNullObject)) and Excel.CustomXmlPart (id, namespaceUri, getXml, setXml, delete) of
 * the fake host.
 */
import { xmlNamespace, type BookState, type XmlPartState } from "./bookState";
import { ClientObject, ClientResult, Collection, enqueue, makeObject } from "./clientObject";
import { itemNotFound, officeError } from "./officeError";

/**
 * What both part collections share: their items are parts, found by id among the parts their target holds
 * (`_parts`); an id that is not there is ItemNotFound at `<type>.getItem`, or a null object.
 */
abstract class XmlPartCollection<T> extends Collection<T, XmlPartState> {
  /** The parts the collection's target holds, in the book's order. */
  abstract _parts(t: T | null | undefined): XmlPartState[];

  _targets(t: T | null | undefined): XmlPartState[] {
    return this._parts(t);
  }

  _makeItem(p: XmlPartState): CustomXmlPart {
    return makeObject(CustomXmlPart, this._ctx, "customXmlPart", { address: p.id });
  }

  getItem(id: unknown): CustomXmlPart {
    return this._child(CustomXmlPart, "customXmlPart", "getItem", [id], { address: id as string }, (t) => {
      const p = this._parts(t).find((x) => x.id === id);
      if (!p) throw itemNotFound(`no custom XML part ${String(id)}`, `${this._type}.getItem`);
      return p;
    });
  }

  getItemOrNullObject(id: unknown): CustomXmlPart {
    return this._child(
      CustomXmlPart,
      "customXmlPart",
      "getItemOrNullObject",
      [id],
      { address: id as string },
      (t) => this._parts(t).find((x) => x.id === id) || null,
    );
  }
}

export class CustomXmlPartCollection extends XmlPartCollection<BookState> {
  _parts(): XmlPartState[] {
    return this.env.book.xmlParts.slice();
  }

  add(xml: unknown): CustomXmlPart {
    const part = makeObject(CustomXmlPart, this._ctx, "customXmlPart", {});
    const rec = this._rec("call", "add", [xml], true);
    enqueue(this._ctx, rec, "customXmlParts.add", this, () => part._bind(this.env.book.addXmlPart(xml)));
    return part;
  }

  getByNamespace(ns: unknown): CustomXmlPartScopedCollection {
    return this._child(
      CustomXmlPartScopedCollection,
      "customXmlPartsScoped",
      "getByNamespace",
      [ns],
      { address: ns as string },
      () => ns as string,
    );
  }
}

/** The parts of one namespace (the target is the namespace URI). */
export class CustomXmlPartScopedCollection extends XmlPartCollection<string> {
  _parts(ns: string | null | undefined): XmlPartState[] {
    return this.env.book.xmlParts.filter((p) => p.namespaceUri === ns);
  }

  getOnlyItem(): CustomXmlPart {
    return this._child(CustomXmlPart, "customXmlPart", "getOnlyItem", [], {}, (ns) => {
      const list = this._parts(ns);
      if (list.length !== 1)
        throw officeError(
          list.length ? "InvalidOperation" : "ItemNotFound",
          `${list.length} parts in the namespace, expected exactly one`,
          "customXmlPartsScoped.getOnlyItem",
        );
      return list[0];
    });
  }

  getOnlyItemOrNullObject(): CustomXmlPart {
    return this._child(CustomXmlPart, "customXmlPart", "getOnlyItemOrNullObject", [], {}, (ns) => {
      const list = this._parts(ns);
      if (list.length > 1)
        throw officeError(
          "InvalidOperation",
          `${list.length} parts in the namespace, expected at most one`,
          "customXmlPartsScoped.getOnlyItemOrNullObject",
        );
      return list[0] || null;
    });
  }
}

export class CustomXmlPart extends ClientObject<XmlPartState> {
  _scalars(): readonly string[] {
    return ["id", "namespaceUri"];
  }

  _target(): XmlPartState | null | undefined {
    const p = super._target();
    if (p && !this.env.book.xmlParts.includes(p))
      throw itemNotFound("the custom XML part was deleted", "customXmlPart");
    return p;
  }

  _read(p: string, part: XmlPartState): unknown {
    if (p === "id") return part.id;
    if (p === "namespaceUri") return part.namespaceUri;
    return null;
  }

  get id(): unknown {
    return this._prop("id");
  }

  get namespaceUri(): unknown {
    return this._prop("namespaceUri");
  }

  getXml(): ClientResult<string> {
    const result = new ClientResult<string>();
    this._op("call", "getXml", [], false, (p) => result._set(p.xml));
    return result;
  }

  setXml(xml: unknown): void {
    this._op("call", "setXml", [xml], true, (p) => {
      const ns = xmlNamespace(xml);
      p.xml = String(xml);
      p.namespaceUri = ns;
    });
  }

  delete(): void {
    this._op("call", "delete", [], true, (p) => {
      const book = this.env.book;
      book.xmlParts = book.xmlParts.filter((x) => x !== p);
    });
  }
}
