/** The errors Office.js rejects syncs with (OfficeExtension.Error), and the codes the fake uses most. */

/** OfficeExtension.Error: name "RichApi.Error", code, message, debugInfo (errorLocation: where it failed). */
export class OfficeError extends Error {
  readonly code: string;
  readonly traceMessages: string[] = [];
  readonly innerError: Error | null = null;
  readonly debugInfo: {
    code: string;
    message: string;
    errorLocation: string;
    statement: string;
    surroundingStatements: string[];
    fullStatements: string[];
  };

  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = {
      code,
      message,
      errorLocation: location || "",
      statement: "",
      surroundingStatements: [],
      fullStatements: [],
    };
  }

  toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

/** An OfficeExtension.Error with this code and message, failing at `location` (e.g. "range.values"). */
export function officeError(code: string, message: string, location?: string): OfficeError {
  return new OfficeError(code, message, location);
}

/** InvalidArgument, saying what was wrong in parentheses. */
export function invalidArgument(what?: string, location?: string): OfficeError {
  return officeError(
    "InvalidArgument",
    `The argument is invalid or missing or has an incorrect format.${what ? " (" + what + ")" : ""}`,
    location,
  );
}

/** ItemNotFound, saying what was missing in parentheses. */
export function itemNotFound(what?: string, location?: string): OfficeError {
  return officeError("ItemNotFound", `The requested resource doesn't exist.${what ? " (" + what + ")" : ""}`, location);
}

/** PropertyNotLoaded: a property read before it was loaded and synced. */
export function notLoaded(prop: string, type: string): OfficeError {
  return officeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}

/** InvalidObjectPath: an object of a finished Excel.run, or used before the sync that resolves it. */
export function invalidObjectPath(location: string): OfficeError {
  return officeError("InvalidObjectPath", "The object path isn't working for what you're trying to do.", location);
}
