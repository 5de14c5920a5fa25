/**
 * bench/start: embedded mode (PGlite) cold start of `stateline serve` to the
 * first page, on a fresh data folder (creates the database, migrates, seeds
 * the demo data) and again on the same folder (a warm restart). The baseline
 * is the bare Node start of the same runtime in the same run.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fmt, log, writeSection } from "./lib.ts";

async function timeToFirstPage(dataDir: string, port: number): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ["bin/stateline.js", "serve"], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), STATELINE_LOG: "0" },
    stdio: "ignore",
  });
  try {
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/login`);
        if (r.ok) return (performance.now() - t0) / 1000;
      } catch {
        /* not yet */
      }
      if (child.exitCode !== null) throw new Error(`stateline exited with ${child.exitCode}`);
      if (performance.now() - t0 > 120_000) throw new Error("no first page within 120 s");
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  }
}

async function bareNode(): Promise<number> {
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) =>
    spawn(process.execPath, ["-e", "0"], { stdio: "ignore" }).once("exit", (c) =>
      c === 0 ? resolve() : reject(new Error(`exit ${c}`)),
    ),
  );
  return (performance.now() - t0) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const cold: number[] = [],
    warm: number[] = [],
    bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), "stateline-start-"));
    try {
      bare.push(await bareNode());
      cold.push(await timeToFirstPage(dir, 3990));
      warm.push(await timeToFirstPage(dir, 3990));
      log(`run ${i + 1}: cold ${fmt(cold[i]!, 2)} s, warm ${fmt(warm[i]!, 2)} s, bare node ${fmt(bare[i]!, 2)} s`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  writeSection(
    "Embedded start (bench/start)",
    `
Run: \`npm run bench:start\` on ${new Date().toISOString().slice(0, 10)}, ${runs} runs, medians. \`stateline serve\` on PGlite in a fresh data folder: create the database, apply the migrations, load the demo data, listen, answer the first page (\`/login\`); then the same folder again.

| figure | median (s) | baseline: bare \`node -e 0\` (s) | target | met? |
|---|---|---|---|---|
| cold start to first page (new database, migrations, demo seed) | ${fmt(median(cold), 2)} | ${fmt(median(bare), 2)} | under 5 s | ${median(cold) < 5 ? "yes" : "no"} |
| warm start to first page (existing database) | ${fmt(median(warm), 2)} | | | |
`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
