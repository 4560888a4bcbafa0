/** Types of scripts/function-reference.mjs, for the tests. */
export const BEGIN: string;
export const END: string;
export function renderReference(metadata: unknown, meta: unknown): string;
export function currentReference(): Promise<string>;
export const GOLDEN: string;
export function signatures(
  metadata: unknown,
): { id: string; parameters: string[]; result: string; options: string[] }[];
