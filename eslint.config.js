// ESLint flat config for Stateline: eslint recommended + typescript-eslint recommended (no type
// information needed, so it stays fast), with a few pragmatic rule settings.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

// Node's globals for plain .js files (TypeScript files get them from @types/node, and
// typescript-eslint turns no-undef off for them). Kept here to avoid another dependency.
const nodeGlobals = Object.fromEntries(
  [
    "process",
    "console",
    "Buffer",
    "URL",
    "URLSearchParams",
    "TextEncoder",
    "TextDecoder",
    "setTimeout",
    "clearTimeout",
    "setInterval",
    "clearInterval",
    "setImmediate",
    "clearImmediate",
    "queueMicrotask",
    "structuredClone",
    "globalThis",
    "fetch",
    "AbortController",
    "AbortSignal",
    "performance",
    "crypto",
    "Response",
    "Request",
    "Headers",
    "FormData",
    "Blob",
  ].map((name) => [name, "readonly"]),
);

const unusedVars = [
  "error",
  {
    args: "after-used",
    argsIgnorePattern: "^_",
    varsIgnorePattern: "^_",
    caughtErrorsIgnorePattern: "^_",
    destructuredArrayIgnorePattern: "^_",
    ignoreRestSiblings: true,
  },
];

export default defineConfig([
  globalIgnores([
    ".dependency-cruiser.cjs",
    "tour/",
    "**/node_modules/",
    "data/",
    ".data/",
    "**/*.data/",
    "tmp/",
    "coverage/",
    "dist/",
    "build/",
    "test-results/",
    "playwright-report/",
    "blob-report/",
    "bench/results/",
    "bench/out/",
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { ecmaVersion: "latest", sourceType: "module", globals: nodeGlobals },
    rules: { "no-unused-vars": unusedVars },
  },
  {
    files: ["**/*.{ts,mts,cts,tsx}"],
    rules: {
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": unusedVars,
      // `any` is allowed in a few places (driver glue, test doubles): flagged, not fatal.
      "@typescript-eslint/no-explicit-any": "warn",
      // Non-null assertions are handy with noUncheckedIndexedAccess.
      "@typescript-eslint/no-non-null-assertion": "off",
      // Tests often define empty stubs.
      "@typescript-eslint/no-empty-function": "off",
    },
  },
]);
