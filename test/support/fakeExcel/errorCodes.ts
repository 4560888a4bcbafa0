/**
 * CustomFunctions.ErrorCode as Office.js defines it: the Excel errors a custom function can return, by name.
 * Shared by the fake host (globals.ts) and the Node stand-in of the CustomFunctions global
 * (../customFunctionsGlobal.ts).
 */
export const CUSTOM_FUNCTION_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
  busy: "#BUSY!",
  connect: "#CONNECT!",
  gettingData: "#GETTING_DATA",
} as const;
