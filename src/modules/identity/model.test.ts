/**
 * The matcher's parts without a database: string comparisons, comparison levels (nicknames,
 * swapped day and month, swapped names), EM on synthetic people, the name-frequency adjustment,
 * and the `identity link` command end to end on tiny files, with its argument errors.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COMPARISONS, compareRecords } from "./comparisons.ts";
import { runIdentityCommand } from "./cli.ts";
import { candidatePairs } from "./blocking.ts";
import { parseCsv, readFebrl, linkRecords } from "./link.ts";
import { estimateM, scorePair, type TermFrequencies } from "./model.ts";
import { nicknameEquivalent } from "./nicknames.ts";
import { toRecord, type RawPerson } from "./record.ts";
import { jaroWinkler, levenshtein, oneTypoApart, soundex } from "./strings.ts";
import { syntheticCt } from "./synthetic.ts";
import { AUTO_MATCH_PROBABILITY, decisionFor } from "./thresholds.ts";
import { defaultParams, trainModel } from "./train.ts";

const level = (field: string, a: Partial<RawPerson>, b: Partial<RawPerson>) => {
  const i = COMPARISONS.findIndex((c) => c.field === field);
  return compareRecords(toRecord({ id: "a", ...a }), toRecord({ id: "b", ...b }))[i]!;
};

describe("string comparisons", () => {
  test("Jaro-Winkler: the textbook values", () => {
    assert.equal(jaroWinkler("martha", "martha"), 1);
    assert.ok(Math.abs(jaroWinkler("martha", "marhta") - 0.9611) < 1e-3);
    assert.ok(Math.abs(jaroWinkler("dwayne", "duane") - 0.84) < 1e-3);
    assert.ok(Math.abs(jaroWinkler("dixon", "dicksonx") - 0.8133) < 1e-3);
    assert.equal(jaroWinkler("abc", ""), 0);
    assert.equal(jaroWinkler("abc", "xyz"), 0);
  });
  test("Levenshtein, one typo apart, Soundex", () => {
    assert.equal(levenshtein("kitten", "sitting"), 3);
    assert.equal(levenshtein("kitten", "sitting", 1), 2, "gives up past the bound");
    assert.ok(oneTypoApart("06103", "06130"));
    assert.ok(oneTypoApart("06103", "06104"));
    assert.ok(!oneTypoApart("06103", "06140"));
    assert.equal(soundex("Robert"), "R163");
    assert.equal(soundex("Rupert"), "R163");
    assert.equal(soundex("Tymczak"), "T522");
    assert.equal(soundex("Ashcraft"), "A261");
    assert.equal(soundex("O'Brien"), soundex("Obrien"));
  });
  test("nicknames: Bob is Robert, Bill is William, Bob is not William", () => {
    assert.ok(nicknameEquivalent("Bob", "Robert"));
    assert.ok(nicknameEquivalent("robert", "BOBBY"));
    assert.ok(nicknameEquivalent("Bob", "Rob"), "two nicknames of one name");
    assert.ok(nicknameEquivalent("Bill", "William"));
    assert.ok(!nicknameEquivalent("Bob", "William"));
    assert.ok(!nicknameEquivalent("Zzyzx", "Robert"));
  });
});

describe("comparison levels", () => {
  test("first name: exact, nickname, typo, different; missing is no evidence", () => {
    assert.equal(level("first_name", { firstName: "Robert" }, { firstName: "robert" }), 4);
    assert.equal(level("first_name", { firstName: "Robert" }, { firstName: "Bob" }), 3);
    assert.equal(level("first_name", { firstName: "Brantley" }, { firstName: "Brantly" }), 2);
    assert.equal(level("first_name", { firstName: "Robert" }, { firstName: "Susan" }), 0);
    assert.equal(level("first_name", { firstName: "" }, { firstName: "Susan" }), -1);
  });
  test("date of birth: exact, day and month swapped, one part off, far off", () => {
    assert.equal(level("date_of_birth", { birthDate: "1980-06-15" }, { birthDate: "19800615" }), 4);
    assert.equal(level("date_of_birth", { birthDate: "1980-06-05" }, { birthDate: "1980-05-06" }), 3);
    assert.equal(level("date_of_birth", { birthDate: "1980-06-15" }, { birthDate: "1981-06-15" }), 2);
    assert.equal(level("date_of_birth", { birthDate: "1980-06-15" }, { birthDate: "1980-07-15" }), 2);
    assert.equal(level("date_of_birth", { birthDate: "1980-06-15" }, { birthDate: "1955-01-02" }), 0);
    assert.equal(level("date_of_birth", { birthDate: "1980-06-15" }, { birthDate: "" }), -1);
  });
  test("given name and surname written the other way round still compare as names", () => {
    const a = { firstName: "Madeleine", lastName: "Paterson" },
      b = { firstName: "Paterson", lastName: "Madeleine" };
    assert.equal(level("first_name", a, b), 4);
    assert.equal(level("surname", a, b), 3);
  });
  test("address: a street written with abbreviations is the same street; a house number is split off", () => {
    const r = toRecord({ id: "x", street: "12 Main St." });
    assert.equal(r.streetNumber, "12");
    assert.equal(r.street, "main street");
    assert.equal(
      level(
        "address",
        { street: "12 Main St", town: "Hartford", zip: "06103" },
        { street: "12 Main Street", town: "Hartford", zip: "06103" },
      ),
      4,
    );
    assert.equal(
      level(
        "address",
        { street: "12 Main St", town: "Hartford", zip: "06103" },
        { street: "40 Elm Road", town: "Hartford", zip: "06120" },
      ),
      1,
    );
  });
});

describe("the model", () => {
  test("EM converges on synthetic people and finds what the data says", () => {
    const { registry, source } = syntheticCt({ seed: 11, registry: 3000, source: 1000 });
    const L = registry.map(toRecord),
      R = source.map(toRecord);
    const t = trainModel(L, R);
    assert.ok(
      t.sessions.every((s) => s.converged && s.used),
      JSON.stringify(t.sessions),
    );
    const dob = t.params.fields.date_of_birth!,
      first = t.params.fields.first_name!;
    assert.ok(
      dob.m.at(-1)! > 0.7 && dob.u.at(-1)! < 0.01,
      "an exact date of birth: likely for a match, rare otherwise",
    );
    assert.ok(first.m.at(-1)! > 0.7 && first.u.at(-1)! < 0.02);
    // About 80 % of source records describe someone in the registry: the prior's implied count is near that.
    const expected = t.prior * L.length * R.length;
    assert.ok(expected > 600 && expected < 1100, `expected matches ${expected}`);
  });
  test("EM on a hand-made mixture recovers its m", () => {
    // Two fields, one level each side: matches agree 90 %, non-matches 2 %; 30 % matches.
    const vs: Int8Array[] = [];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20000; i++) {
      const match = rand() < 0.3;
      const g = new Int8Array(COMPARISONS.length).fill(-1);
      for (const f of [0, 2]) {
        const agree = rand() < (match ? 0.9 : 0.02);
        g[f] = agree ? COMPARISONS[f]!.levels.length - 1 : 0;
      }
      g[3] = rand() < (match ? 0.8 : 0.05) ? 4 : 0;
      vs.push(g);
    }
    const u = COMPARISONS.map((c) => {
      const x = new Array<number>(c.levels.length).fill(1e-4);
      x[0] = 0.98;
      x[c.levels.length - 1] = 0.02;
      return x;
    });
    u[3]![4] = 0.05;
    u[3]![0] = 0.95;
    const em = estimateM(vs, u);
    assert.ok(em.converged, "converged");
    assert.ok(Math.abs(em.params.lambda - 0.3) < 0.02, `lambda ${em.params.lambda}`);
    assert.ok(Math.abs(em.params.fields.first_name!.m.at(-1)! - 0.9) < 0.02);
    assert.ok(Math.abs(em.params.fields.address!.m[4]! - 0.8) < 0.03);
  });
  test("a common surname weighs less than a rare one", () => {
    const params = defaultParams();
    const a = toRecord({ id: "a", firstName: "John", lastName: "Smith", birthDate: "1970-01-01" });
    const b = toRecord({ id: "b", firstName: "John", lastName: "Smith", birthDate: "1970-01-01" });
    const c = toRecord({ id: "c", firstName: "John", lastName: "Zabriskie", birthDate: "1970-01-01" });
    const d = toRecord({ id: "d", firstName: "John", lastName: "Zabriskie", birthDate: "1970-01-01" });
    const tf: TermFrequencies = {
      tf: (f, v) => (COMPARISONS[f]!.field === "surname" ? (v === "smith" ? 0.01 : 0.00001) : 0.03),
    };
    const common = scorePair(params, a, b, 1e-6, tf),
      rare = scorePair(params, c, d, 1e-6, tf);
    const w = (s: typeof common) => s.reasons.find((r) => r.field === "surname")!.weight;
    assert.ok(w(rare) - w(common) > 8, `rare ${w(rare)} vs common ${w(common)}`);
    assert.ok(rare.probability > common.probability);
  });
  test("a nickname and a swapped day and month still match, with reasons to show", () => {
    const params = defaultParams();
    const a = toRecord({
      id: "a",
      firstName: "Bob",
      lastName: "Kowalczyk",
      birthDate: "1975-03-08",
      street: "14 Maple Avenue",
      town: "Enfield",
      zip: "06082",
    });
    const b = toRecord({
      id: "b",
      firstName: "Robert",
      lastName: "Kowalczyk",
      birthDate: "1975-08-03",
      street: "14 Maple Ave",
      town: "Enfield",
      zip: "06082",
    });
    // Among 10,000 people: automatic. Among Connecticut's 3.6 million: at least a person looks at it.
    const s = scorePair(params, a, b, 1 / 10_000);
    assert.equal(decisionFor(s.probability), "match");
    assert.notEqual(decisionFor(scorePair(params, a, b, 1 / 3_600_000).probability), "non-match");
    assert.match(s.reasons.map((r) => r.label).join("; "), /nicknames of one name.*day and month swapped/);
  });
  test("no automatic match when dates of birth disagree, however high the probability", () => {
    assert.equal(decisionFor(AUTO_MATCH_PROBABILITY, true), "match");
    assert.equal(decisionFor(0.9999999, false), "review");
    assert.equal(decisionFor(0.001, true), "non-match");
  });
  test("blocking finds pairs with errors in several fields and skips none of a small file", () => {
    const L = [
      toRecord({
        id: "1",
        firstName: "Anne",
        lastName: "Fitzgerald",
        birthDate: "1961-04-02",
        street: "3 Oak Road",
        town: "Avon",
        zip: "06001",
      }),
    ];
    const R = [
      toRecord({
        id: "2",
        firstName: "Fitzgerald",
        lastName: "Ann",
        birthDate: "1962-04-02",
        street: "3 Oak Rd",
        town: "Avon",
        zip: "06001",
      }),
    ];
    assert.equal(candidatePairs(L, R).pairs.length, 1);
  });
});

describe("stateline identity link", () => {
  const dir = mkdtempSync(join(tmpdir(), "identity-"));
  const header =
    "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id";
  writeFileSync(
    join(dir, "a.csv"),
    [
      header,
      "a1, robert, kowalczyk, 14, maple avenue, , enfield, 06082, ct, 19750308, ",
      "a2, susan, whitfield, 3, church street, , avon, 06001, ct, 19620412, ",
      "a3, maria, delgado, 77, park road, , hartford, 06106, ct, 19900101, ",
    ].join("\n") + "\n",
  );
  writeFileSync(
    join(dir, "b.csv"),
    [
      header.replace(", soc_sec_id", ""),
      "b1, bob, kowalczyk, 14, maple ave, , enfield, 06082, ct, 19750803",
      "b2, susan, whitfeild, 3, church st, , avon, 06001, ct, 19620412",
      "b3, peter, nguyen, 9, elm lane, , stamford, 06901, ct, 19551212",
    ].join("\n") + "\n",
  );
  const run = (args: string[]) => {
    let out = "",
      err = "";
    const code = runIdentityCommand(
      args,
      (s) => {
        out += s;
      },
      (s) => {
        err += s;
      },
    );
    return { code, out, err };
  };

  test("links two tiny files and writes the matches", () => {
    const out = join(dir, "pairs.csv");
    const r = run(["link", "--left", join(dir, "a.csv"), "--right", join(dir, "b.csv"), "--out", out]);
    assert.equal(r.code, 0, r.err);
    const rows = parseCsv(readFileSync(out, "utf8"));
    assert.deepEqual(rows[0], ["left_id", "right_id", "score", "decision"]);
    const pairs = rows
      .slice(1)
      .map((x) => `${x[0]}-${x[1]}:${x[3]}`)
      .sort();
    assert.deepEqual(pairs, ["a1-b1:match", "a2-b2:match"]);
    assert.match(r.out, /2 matches, 0 to review/);
  });
  test("one file with itself finds its duplicates only once each", () => {
    const out = join(dir, "self.csv");
    writeFileSync(
      join(dir, "self-in.csv"),
      readFileSync(join(dir, "a.csv"), "utf8") +
        "a4, bob, kowalczyk, 14, maple ave, , enfield, 06082, ct, 19750308, \n",
    );
    assert.equal(run(["link", "--left", join(dir, "self-in.csv"), "--out", out]).code, 0);
    const rows = parseCsv(readFileSync(out, "utf8")).slice(1);
    assert.deepEqual(
      rows.map((x) => `${x[0]}-${x[1]}`),
      ["a1-a4"],
    );
  });
  test("bad arguments and bad files exit 2 with a message naming the problem", () => {
    const cases: [string[], RegExp][] = [
      [[], /name a subcommand/],
      [["join"], /unknown subcommand 'join'/],
      [["link", "--right", "x.csv", "--out", "o.csv"], /--left FILE is required/],
      [["link", "--left", join(dir, "a.csv")], /--out FILE is required/],
      [["link", "--left", join(dir, "a.csv"), "--out", "o.csv", "--fast"], /Unknown option '--fast'/],
      [["link", "--left", join(dir, "missing.csv"), "--out", join(dir, "o.csv")], /--left: cannot read .*ENOENT/],
      [
        [
          "link",
          "--left",
          join(dir, "a.csv"),
          "--right",
          join(dir, "a.csv"),
          "--out",
          join(dir, "no-such-dir", "o.csv"),
        ],
        /--out: cannot write/,
      ],
    ];
    for (const [args, re] of cases) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(" "));
      assert.match(r.err, re);
    }
    writeFileSync(join(dir, "nonames.csv"), "rec_id,dob\n1,19900101\n");
    const r = run(["link", "--left", join(dir, "nonames.csv"), "--out", join(dir, "o.csv")]);
    assert.equal(r.code, 2);
    assert.match(r.err, /needs given_name and surname columns/);
  });
  test("FEBRL headers with spaces, quoted cells and an absent identifier column are read", () => {
    const recs = readFebrl('rec_id , Given Name,surname\n"r-1","o\'neil, jr",smith\n', "x");
    assert.equal(recs[0]!.id, "r-1");
    assert.equal(recs[0]!.firstName, "oneil"); // "Jr." is not part of the name
    assert.equal(recs[0]!.identifier, "");
  });
  test("linking keeps working when the files are too small to estimate from (shipped parameters)", () => {
    const r = linkRecords(
      [toRecord({ id: "x", firstName: "Ann", lastName: "Lee", birthDate: "1990-01-01" })],
      [toRecord({ id: "y", firstName: "Ann", lastName: "Lee", birthDate: "1990-01-01" })],
    );
    assert.ok(r.training.fellBack);
    assert.equal(r.pairs.length, 1);
  });
});
