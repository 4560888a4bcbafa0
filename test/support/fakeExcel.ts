/**
 * The fake Office/Excel host (its modules are in ./fakeExcel/; index.ts there describes it). This file lets
 * tests import it as "../support/fakeExcel" (or the older "../support/fakeExcel.js").
 */
export * from "./fakeExcel/index";
