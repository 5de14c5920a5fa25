#!/usr/bin/env node
// The `stateline` command. Node 24 runs the TypeScript sources directly.
import { main } from "../src/cli/main.ts";

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`stateline: ${err?.stack ?? err}\n`);
    process.exit(1);
  },
);
