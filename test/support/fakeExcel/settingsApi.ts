/** Excel.SettingCollection (workbook.settings) and Excel.Setting of the fake host; values are stored as copies. */
import type { BookState } from "./bookState";
import { clone } from "./cellValues";
import { ClientObject, Collection, enqueue, makeObject } from "./clientObject";
import { invalidArgument, itemNotFound } from "./officeError";

export class SettingCollection extends Collection<BookState, string> {
  _targets(): string[] {
    return Array.from(this.env.book.settings.keys());
  }

  _makeItem(key: string): Setting {
    return makeObject(Setting, this._ctx, "setting", { address: key });
  }

  add(key: unknown, value: unknown): Setting {
    const item = makeObject(Setting, this._ctx, "setting", { address: key as string });
    const rec = this._rec("call", "add", [key, value], true);
    enqueue(this._ctx, rec, "settings.add", this, () => {
      if (typeof key !== "string" || !key) throw invalidArgument("a setting needs a key", "settings.add");
      this.env.book.settings.set(key, clone(value));
      item._bind(key);
    });
    return item;
  }

  getItem(key: unknown): Setting {
    return this._child(Setting, "setting", "getItem", [key], { address: key as string }, (book) => {
      if (!book.settings.has(key as string)) throw itemNotFound(`no setting "${String(key)}"`, "settings.getItem");
      return key as string;
    });
  }

  getItemOrNullObject(key: unknown): Setting {
    return this._child(Setting, "setting", "getItemOrNullObject", [key], { address: key as string }, (book) =>
      book.settings.has(key as string) ? (key as string) : null,
    );
  }
}

export class Setting extends ClientObject<string> {
  _scalars(): readonly string[] {
    return ["key", "value"];
  }

  _read(p: string, key: string): unknown {
    if (p === "key") return key;
    if (p === "value") return clone(this.env.book.settings.get(key));
    return null;
  }

  get key(): unknown {
    return this._prop("key");
  }

  get value(): unknown {
    return this._prop("value");
  }
  set value(v: unknown) {
    this._setProp("value", v, (key) => this.env.book.settings.set(key, clone(v)));
  }

  delete(): void {
    this._op("call", "delete", [], true, (key) => this.env.book.settings.delete(key));
  }
}
