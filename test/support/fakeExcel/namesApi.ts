/** Excel.NamedItemCollection (workbook.names, worksheet.names) and Excel.NamedItem of the fake host. */
import { qualified } from "./a1";
import { checkName, type BookState, type NameState, type RangeTarget } from "./bookState";
import { ClientObject, Collection, enqueue, makeObject } from "./clientObject";
import { invalidArgument, itemNotFound, officeError } from "./officeError";
import { Range } from "./rangeApi";
import type { SheetState } from "./sheetState";

export class NamedItemCollection extends Collection<BookState, NameState> {
  /** The sheet of worksheet.names (workbook.names: none). */
  _scopeOf?: () => SheetState | null;

  private scope(): SheetState | null {
    return this._scopeOf ? this._scopeOf() : null;
  }

  _targets(): NameState[] {
    const scope = this.scope();
    return this.env.book.names.filter((n) => (n.scope || null) === scope && !(n.scope && n.scope.deleted));
  }

  _makeItem(n: NameState): NamedItem {
    return makeObject(NamedItem, this._ctx, "namedItem", {
      sheet: n.scope ? n.scope.name : undefined,
      address: n.name,
    });
  }

  add(name: unknown, reference: unknown, comment?: unknown): NamedItem {
    const item = makeObject(NamedItem, this._ctx, "namedItem", { sheet: this._hint.sheet, address: name as string });
    const args = comment === undefined ? [name, reference] : [name, reference, comment];
    this._checkArgs(args);
    const rec = this._rec("call", "add", args, true);
    enqueue(this._ctx, rec, "names.add", this, () => {
      const book = this.env.book;
      const scope = this.scope();
      checkName(name);
      if (book.findName(name, scope))
        throw officeError("ItemAlreadyExists", `The name "${name}" already exists.`, "names.add");
      let formula: string;
      if (typeof reference === "string") formula = reference.startsWith("=") ? reference : "=" + reference;
      else {
        const t = this.env.log.isObject(reference) ? (reference as Range)._target() : null;
        if (!t || !t.rect) throw invalidArgument("a name needs a range or a formula", "names.add");
        formula = "=" + qualified(t.sheet.name, t.rect, true);
      }
      const n: NameState = { name, formula, comment: (comment as string) || "", visible: true, scope };
      book.names.push(n);
      item._bind(n);
    });
    return item;
  }

  addFormulaLocal(name: unknown, formula: unknown, comment?: unknown): NamedItem {
    return this.add(name, formula, comment);
  }

  getItem(name: unknown): NamedItem {
    return this._child(
      NamedItem,
      "namedItem",
      "getItem",
      [name],
      { sheet: this._hint.sheet, address: name as string },
      (book) => {
        const n = book.findName(name, this.scope());
        if (!n) throw itemNotFound(`no name "${String(name)}"`, "names.getItem");
        return n;
      },
    );
  }

  getItemOrNullObject(name: unknown): NamedItem {
    return this._child(
      NamedItem,
      "namedItem",
      "getItemOrNullObject",
      [name],
      { sheet: this._hint.sheet, address: name as string },
      (book) => book.findName(name, this.scope()) || null,
    );
  }
}

export class NamedItem extends ClientObject<NameState> {
  _scalars(): readonly string[] {
    return ["name", "type", "value", "formula", "comment", "visible", "scope"];
  }

  _target(): NameState | null | undefined {
    const n = super._target();
    if (n && !this.env.book.names.includes(n)) throw itemNotFound(`the name "${n.name}" was deleted`, "namedItem");
    return n;
  }

  _read(p: string, n: NameState): unknown {
    switch (p) {
      case "name":
        return n.name;
      case "type":
        return this.env.book.nameType(n);
      case "value":
        return this.env.book.nameValue(n);
      case "formula":
        return n.formula;
      case "comment":
        return n.comment;
      case "visible":
        return n.visible;
      case "scope":
        return n.scope ? "Worksheet" : "Workbook";
      default:
        return null;
    }
  }

  get name(): unknown {
    return this._prop("name");
  }
  get type(): unknown {
    return this._prop("type");
  }
  get value(): unknown {
    return this._prop("value");
  }
  get scope(): unknown {
    return this._prop("scope");
  }

  get formula(): unknown {
    return this._prop("formula");
  }
  set formula(v: unknown) {
    this._setProp("formula", v, (n) => {
      n.formula = String(v).startsWith("=") ? String(v) : "=" + String(v);
    });
  }

  get comment(): unknown {
    return this._prop("comment");
  }
  set comment(v: unknown) {
    this._setProp("comment", v, (n) => {
      n.comment = v as string;
    });
  }

  get visible(): unknown {
    return this._prop("visible");
  }
  set visible(v: unknown) {
    this._setProp("visible", v, (n) => {
      n.visible = !!v;
    });
  }

  delete(): void {
    this._op("call", "delete", [], true, (n) => {
      const book = this.env.book;
      book.names = book.names.filter((x) => x !== n);
    });
  }

  getRange(): Range {
    return this._child(Range, "range", "getRange", [], {}, (n): RangeTarget => {
      const t = this.env.book.nameTarget(n);
      if (!t) throw invalidArgument(`the name "${n.name}" is not a range`, "namedItem.getRange");
      return t;
    });
  }

  getRangeOrNullObject(): Range {
    return this._child(Range, "range", "getRangeOrNullObject", [], {}, (n) => this.env.book.nameTarget(n) || null);
  }
}
