/** Types of scripts/function-metadata.js, for the tests. */

/** The shape of functions.json that the tests rely on. */
export interface FunctionsJson {
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; description?: string; dimensionality?: string; optional?: boolean; type?: string }[];
    result: { dimensionality?: string; type?: string };
    options?: Record<string, boolean>;
  }[];
}

/** Which exported function of which adapter file an id is associated with. */
export interface Association {
  id: string;
  functionName: string;
  sourceFileName: string;
}
export const FUNCTIONS_DIR: string;
export function functionModules(dir?: string): string[];
export function tidyDescriptions<T>(metadata: T): T;
export function generateMetadata(files?: string[]): Promise<{ metadata: FunctionsJson; associate: Association[] }>;
