/**
 * `stateline identity link`: links two files of person records in the FEBRL layout (or one
 * file with itself) and writes `left_id,right_id,score,decision` for matches and pairs to review.
 */
import { parseArgs } from "node:util";
import { writeFileSync } from "node:fs";
import { linkFiles, LinkInputError, readFebrlFile } from "./link.ts";
import { trainModel } from "./train.ts";
import { AUTO_MATCH_PROBABILITY, REVIEW_PROBABILITY } from "./thresholds.ts";

export const IDENTITY_HELP = `stateline identity link --left A.csv [--right B.csv] --out pairs.csv [--ignore-column NAME ...]
stateline identity estimate --left REGISTRY.csv --right RECORDS.csv --out params.json

Links the person records of A.csv with those of B.csv (or A.csv with itself, to find duplicates,
when --right is left out) with the Fellegi-Sunter model that live matching uses: m estimated by
expectation-maximisation on the files' candidate pairs, u from random pairs, names weighted by
their frequency. Files are CSV in the FEBRL layout with a header: rec_id, given_name, surname,
street_number, address_1, address_2, suburb (town), postcode (ZIP), state, date_of_birth
(YYYYMMDD or YYYY-MM-DD), soc_sec_id (an identifier; optional). Missing columns and empty
cells count as unknown. --ignore-column leaves a column out (e.g. soc_sec_id).

Writes left_id,right_id,score,decision: score is the match weight (log2 of the posterior odds;
probability = 1 / (1 + 2^-score)); decision is "match" at probability ≥ ${AUTO_MATCH_PROBABILITY} and "review"
at ≥ ${REVIEW_PROBABILITY}. Non-matches are not written. Exit 2 on bad arguments or unreadable files.`;

/** Runs the command; returns the exit code. Messages go to the given streams. */
export function runIdentityCommand(
  args: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): number {
  const bad = (msg: string) => {
    err(`stateline identity: ${msg}\nRun 'stateline identity --help'.\n`);
    return 2;
  };
  const [sub, ...rest] = args;
  if (sub !== "link" && sub !== "estimate")
    return bad(sub ? `unknown subcommand '${sub}' (link or estimate)` : "name a subcommand: link or estimate");
  let values: {
    left?: string | undefined;
    right?: string | undefined;
    out?: string | undefined;
    "ignore-column"?: string[] | undefined;
  };
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: {
        left: { type: "string" },
        right: { type: "string" },
        out: { type: "string" },
        "ignore-column": { type: "string", multiple: true },
      },
    }));
  } catch (e) {
    return bad((e as Error).message);
  }
  if (!values.left) return bad("--left FILE is required");
  if (!values.out) return bad("--out FILE is required");
  if (values.right !== undefined && !values.right) return bad("--right needs a file name");
  const t0 = performance.now();
  if (sub === "estimate") {
    try {
      const ignore = values["ignore-column"] ?? [];
      const left = readFebrlFile(values.left, "--left", ignore);
      const right = values.right ? readFebrlFile(values.right, "--right", ignore) : undefined;
      const t = trainModel(left, right);
      writeFileSync(values.out, JSON.stringify({ ...t.params, prior: t.prior }, null, 2) + "\n");
      out(
        `estimated from ${left.length} × ${right?.length ?? left.length} records (${t.params.source}); written to ${values.out}\n`,
      );
      return 0;
    } catch (e) {
      if (e instanceof LinkInputError) return bad(e.message);
      throw e;
    }
  }
  try {
    const r = linkFiles({
      left: values.left,
      right: values.right,
      out: values.out,
      ignore: values["ignore-column"] ?? [],
    });
    const auto = r.pairs.filter((p) => p.decision === "match").length;
    out(
      `linked ${r.leftCount} × ${r.rightCount} records${values.right ? "" : " (one file with itself)"}: ${r.candidates} candidate pairs, ${auto} matches, ${r.pairs.length - auto} to review, written to ${values.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof LinkInputError) return bad(e.message);
    throw e;
  }
}
