import js from "@eslint/js";
import tseslint from "typescript-eslint";
import jsdoc from "eslint-plugin-jsdoc";

export default tseslint.config(
  { ignores: ["dist/**", "build/**", "lib/**", "node_modules/**", "test/artifacts/**", "coverage/**", ".tmp/**"] },
  js.configs.recommended,
  {
    files: ["**/*.ts"],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts", "src/functions/**/*.ts"],
    plugins: { jsdoc },
    rules: {
      "jsdoc/require-jsdoc": [
        "error",
        { publicOnly: true, require: { FunctionDeclaration: true, ClassDeclaration: true } },
      ],
      "jsdoc/check-param-names": "error",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["office-js", "@microsoft/office-js", "**/taskpane/**", "**/functions/**"],
              message: "src/core stays pure: no Office, no DOM, no adapters.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Office", message: "src/core is pure" },
        { name: "Excel", message: "src/core is pure" },
        { name: "document", message: "src/core is pure" },
        { name: "window", message: "src/core is pure" },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        globalThis: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        Promise: "readonly",
      },
    },
  },
);
