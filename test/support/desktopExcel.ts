/**
 * A minimal Excel desktop for adapter tests: `Office.context.platform` is "PC" (blank cells arrive as 0) and
 * `Excel.run` answers the value types of the cells at given addresses, counting syncs. Each address maps to the
 * value types of that range (rows of "Double", "Empty", "String", …); the used range is taken to be the range
 * itself, as blankMaskFor intersects with it.
 */

interface FakeRange {
  isNullObject: boolean;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  valueTypes: string[][];
  load(): void;
  getIntersectionOrNullObject(): FakeRange;
}

/** What the fake recorded. */
export interface DesktopExcel {
  /** context.sync() calls so far. */
  readonly syncs: number;
  /** Addresses read so far ("Sheet1!B9"). */
  readonly reads: string[];
  /** Removes the Office and Excel globals. */
  restore(): void;
}

/**
 * Installs the fake globals.
 * @param valueTypes the value types of each address a test passes as a parameter address
 */
export function installDesktopExcel(valueTypes: Record<string, string[][]>): DesktopExcel {
  const g = globalThis as unknown as { Office?: unknown; Excel?: unknown };
  const state = { syncs: 0, reads: [] as string[] };
  const rangeOf = (sheet: string, address: string): FakeRange => {
    const key = `${sheet}!${address}`;
    const types = valueTypes[key];
    if (types === undefined) throw new Error(`the fake desktop knows no range ${key}`);
    state.reads.push(key);
    const range: FakeRange = {
      isNullObject: false,
      rowIndex: 0,
      columnIndex: 0,
      rowCount: types.length,
      columnCount: types[0]?.length ?? 0,
      valueTypes: types,
      load: () => undefined,
      getIntersectionOrNullObject: () => range,
    };
    return range;
  };
  const worksheet = (sheet: string) => ({
    getRange: (address: string) => rangeOf(sheet, address),
    getUsedRange: () => ({}),
  });
  g.Office = {
    context: { platform: "PC", displayLanguage: "en-US" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC" },
  };
  g.Excel = {
    run: async <T>(f: (context: unknown) => Promise<T>): Promise<T> =>
      f({
        workbook: { worksheets: { getItem: worksheet, getActiveWorksheet: () => worksheet("Sheet1") } },
        sync: () => {
          state.syncs++;
          return Promise.resolve();
        },
      }),
  };
  return {
    get syncs() {
      return state.syncs;
    },
    get reads() {
      return state.reads;
    },
    restore() {
      delete g.Office;
      delete g.Excel;
    },
  };
}

/** An invocation whose parameters sit at these addresses (undefined for a typed value). */
export function invocationAt(...addresses: (string | undefined)[]): CustomFunctions.Invocation {
  return { parameterAddresses: addresses } as unknown as CustomFunctions.Invocation;
}
