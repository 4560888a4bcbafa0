/**
 * Excel's error values: the one list of their display texts, which CRM error each maps to when it arrives in a
 * function's argument, and which can be typed as a constant. Office.js reports an error cell in
 * `Range.values` as its text (`"#N/A"`); custom functions may receive an object with a `code`.
 */
import type { CrmErrorCode } from "../errors";

/** One error value. */
export interface ExcelErrorValue {
  /** Its display text, e.g. `#N/A`. */
  readonly text: string;
  /** The error a CRM function returns when it meets this one in an argument (others than the four: `#N/A`). */
  readonly code: CrmErrorCode;
  /** Whether a user can type it into a cell as a constant (`=NA()` aside): `#N/A` can, `#SPILL!` cannot. */
  readonly typeable: boolean;
}

/** Every error value Excel shows, the classic seven first. */
export const EXCEL_ERRORS: readonly ExcelErrorValue[] = [
  { text: "#NULL!", code: "NA", typeable: true },
  { text: "#DIV/0!", code: "DIV0", typeable: true },
  { text: "#VALUE!", code: "VALUE", typeable: true },
  { text: "#REF!", code: "NA", typeable: true },
  { text: "#NAME?", code: "NA", typeable: true },
  { text: "#NUM!", code: "NUM", typeable: true },
  { text: "#N/A", code: "NA", typeable: true },
  { text: "#GETTING_DATA", code: "NA", typeable: false },
  { text: "#SPILL!", code: "NA", typeable: false },
  { text: "#CALC!", code: "NA", typeable: false },
  { text: "#FIELD!", code: "NA", typeable: false },
  { text: "#BLOCKED!", code: "NA", typeable: false },
  { text: "#CONNECT!", code: "NA", typeable: false },
  { text: "#BUSY!", code: "NA", typeable: false },
  { text: "#UNKNOWN!", code: "NA", typeable: false },
  { text: "#PYTHON!", code: "NA", typeable: false },
  { text: "#EXTERNAL!", code: "NA", typeable: false },
];

const BY_TEXT: ReadonlyMap<string, ExcelErrorValue> = new Map(EXCEL_ERRORS.map((e) => [e.text, e]));

/** `CustomFunctions.ErrorCode` names a host may put in an error object's `code`, as display texts. */
const CODE_NAMES: Readonly<Record<string, string>> = {
  invalidValue: "#VALUE!",
  invalidNumber: "#NUM!",
  divisionByZero: "#DIV/0!",
  notAvailable: "#N/A",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
  gettingData: "#GETTING_DATA",
  busy: "#BUSY!",
  connect: "#CONNECT!",
};

/** The error value with this display text (`"#N/A"`, surrounding spaces ignored), else undefined. */
export function excelError(text: string): ExcelErrorValue | undefined {
  return BY_TEXT.get(text.trim());
}

/**
 * The error text of a cell value, or null when it is not an error: one of Excel's error texts (only those, so a
 * KPI named "#1 product!" stays text), or an error object's `code` (a known code name becomes its text; an
 * unknown code is returned as it is).
 */
export function errorTextOf(v: unknown): string | null {
  if (typeof v === "string") {
    const first = v.charCodeAt(0);
    if (first !== 35 && !(first <= 32)) return null; // neither "#" nor a space first: the common case, no trim
    return excelError(v)?.text ?? null;
  }
  if (typeof v === "object" && v !== null && "code" in v) {
    const code = v.code;
    if (typeof code !== "string") return null;
    return CODE_NAMES[code] ?? excelError(code)?.text ?? code;
  }
  return null;
}

/** The CRM error for an error text met in an argument: its own for the four, `#N/A` for the rest. */
export function crmCodeOf(text: string): CrmErrorCode {
  return excelError(text)?.code ?? "NA";
}
