/**
 * Stateline's boundaries, checked by `npm run boundaries` (part of `npm test`). See docs/STYLE.md.
 */
const MODULE_INTERNAL_ALLOWED = "(index|module)\\.ts$";
const TEST_FILES = "(\\.test\\.ts|/testkit\\.ts|/test-support\\.ts|/testkit/.*)$";

module.exports = {
  forbidden: [
    {
      name: "law-is-pure",
      comment: "src/law/ holds pure rules: it imports only src/law/ (and zod).",
      severity: "error",
      from: { path: "^src/law/" },
      to: { path: "^src/", pathNot: "^src/law/" },
    },
    {
      name: "module-through-its-index",
      comment: "A module uses another module only through its index.ts (module.ts is for src/modules/index.ts).",
      severity: "error",
      from: { path: "^src/modules/([^/]+)/", pathNot: TEST_FILES },
      to: {
        path: "^src/modules/([^/]+)/",
        pathNot: ["^src/modules/$1/", `^src/modules/[^/]+/${MODULE_INTERNAL_ALLOWED}`],
      },
    },
    {
      name: "only-the-registry-imports-registrations",
      comment: "A module's module.ts (routes and pages) is imported only by src/modules/index.ts.",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/modules/index\\.ts$", TEST_FILES] },
      to: { path: "^src/modules/[^/]+/module\\.ts$" },
    },
    {
      name: "services-know-no-http",
      comment: "Only routes.ts, pages.ts and module.ts of a module may import src/http/ or src/web/.",
      severity: "error",
      from: { path: "^src/modules/[^/]+/", pathNot: ["(routes|pages|module)\\.ts$", "/pages/", TEST_FILES] },
      to: { path: "^src/(http|web)/" },
    },
    {
      name: "web-is-a-kit",
      comment: "src/web/ (layout, html, form kit) knows no capability.",
      severity: "error",
      from: { path: "^src/web/" },
      to: { path: "^src/modules/", pathNot: "^src/modules/auth/(index|roles)\\.ts$" },
    },
    {
      name: "no-circles",
      comment:
        "No file reaches itself through its imports (module-level cycles between index.ts files are reported as warnings).",
      severity: "error",
      from: {},
      to: { circular: true, viaNot: "^src/modules/[^/]+/index\\.ts$" },
    },
    {
      name: "no-circles-between-modules",
      comment: "Two modules that call each other: known, listed in docs/ARCHITECTURE.md; a warning, not an error.",
      severity: "warn",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^node_modules|^data/|^bench/)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    moduleSystems: ["es6"],
  },
};
