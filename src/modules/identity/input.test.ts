/**
 * Reading person records as unseen files write them: other column names and orders, other
 * delimiters, blank cells and rows, odd case and whitespace, dates in other formats, ZIP+4,
 * apostrophes, hyphens and accents in names, a full name in one column, a Latin-1 file.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COMPARISONS, compareRecords } from "./comparisons.ts";
import { runIdentityCommand } from "./cli.ts";
import { parseCsv, readFebrl } from "./link.ts";
import { normDob, normState, normZip, toRecord } from "./record.ts";
import { norm, normName } from "./strings.ts";

const SURNAME = COMPARISONS.findIndex((c) => c.field === "surname");

describe("dates of birth in the formats files use", () => {
  test("year first, year last (month first), day first where it must be, month names", () => {
    const cases: [string, string][] = [
      ["19750803", "19750803"],
      ["1975-08-03", "19750803"],
      ["1975-8-3", "19750803"],
      ["1975/08/03", "19750803"],
      ["1975-08-03T00:00:00Z", "19750803"],
      ["1975-08-03 00:00:00", "19750803"],
      ["08/03/1975", "19750803"], // United States: month first
      ["8/3/1975", "19750803"],
      ["08-03-1975", "19750803"],
      ["25/12/1970", "19701225"], // 25 cannot be a month
      ["03.08.1975", "19750803"], // dots: day first
      ["08031975", "19750803"], // MMDDYYYY (0803 is no year)
      ["19750803.0", "19750803"], // a spreadsheet's number
      ["3 Aug 1975", "19750803"],
      ["August 3, 1975", "19750803"],
      ["  1975-08-03  ", "19750803"],
      ["1975-15-03", "19751503"], // a month of 15 is kept: the comparison knows swapped day and month
    ];
    for (const [input, want] of cases) assert.equal(normDob(input), want, input);
  });
  test("what is not a date of birth is unknown, not a wrong date", () => {
    for (const input of [
      "",
      "   ",
      "unknown",
      "08/03/75",
      "13/13/1975",
      "0/0/1975",
      "1975",
      "abc 3 1975",
      null,
      undefined,
    ])
      assert.equal(normDob(input), "", String(input));
  });
  test("the same date written two ways compares as the same date", () => {
    const i = COMPARISONS.findIndex((c) => c.field === "date_of_birth");
    const g = compareRecords(
      toRecord({ id: "a", birthDate: "1975-08-03" }),
      toRecord({ id: "b", birthDate: "08/03/1975" }),
    );
    assert.equal(g[i], 4);
  });
});

describe("names, ZIPs, states", () => {
  test("accents, letters that do not decompose, apostrophes, hyphens, case and whitespace", () => {
    assert.equal(normName("  ZOË  "), "zoe");
    assert.equal(normName("José"), "jose");
    assert.equal(normName("Łukasz"), "lukasz");
    assert.equal(normName("Strauß"), "strauss");
    assert.equal(normName("Ørsted"), "orsted");
    assert.equal(normName("O'Brien"), normName("OBRIEN"));
    assert.equal(normName("O’Brien"), "obrien"); // typographic apostrophe
    assert.equal(normName("Smith-Jones"), "smithjones");
    assert.equal(normName("Smith – Jones"), "smithjones");
    assert.equal(normName("van der Berg"), "vanderberg");
    assert.equal(norm("Main\u00a0 Street\t"), "main street");
  });
  test("titles and generation suffixes are not part of the name, unless they are all of it", () => {
    assert.equal(normName("Robert Kowalczyk Jr."), "robertkowalczyk");
    assert.equal(normName("Kowalczyk, Sr"), "kowalczyk");
    assert.equal(normName("Dr. Mary"), "mary");
    assert.equal(normName("III"), "iii");
  });
  test("a double-barrelled (married) surname and one of its parts are nearly the same surname", () => {
    const lv = (a: string, b: string) =>
      compareRecords(toRecord({ id: "a", lastName: a }), toRecord({ id: "b", lastName: b }))[SURNAME];
    assert.equal(lv("Smith-Jones", "Smith"), 2);
    assert.equal(lv("Jones", "Smith Jones"), 2);
    assert.equal(lv("O'Brien", "Brien"), lv("obrien", "brien")); // an apostrophe does not split a name
    assert.equal(lv("Smith-Jones", "Smith-Jones"), 3);
    assert.equal(lv("Smith-Jones", "Brown"), 0);
  });
  test("ZIP+4, a dropped leading zero, and state names", () => {
    assert.equal(normZip("06040-1234"), "06040");
    assert.equal(normZip("060401234"), "06040");
    assert.equal(normZip(" 06040 "), "06040");
    assert.equal(normZip("6040"), "06040");
    assert.equal(normZip(""), "");
    assert.equal(normState("Connecticut"), "ct");
    assert.equal(normState(" CT "), "ct");
    assert.equal(normState("New South Wales"), "nsw");
    assert.equal(normState("nsw"), "nsw");
  });
});

describe("reading files that are not quite FEBRL", () => {
  const febrl = readFebrl(
    [
      "rec_id,given_name,surname,street_number,address_1,address_2,suburb,postcode,state,date_of_birth",
      "r1,mary,o'brien,14,maple avenue,,enfield,06082,ct,19750803",
    ].join("\n"),
    "x",
  )[0]!;
  const { id: _id, ...want } = febrl;
  test("other column names, order, case, spacing and a semicolon delimiter give the same record", () => {
    const recs = readFebrl(
      [
        "\uFEFF  DOB ; ZIP Code;Last Name;First Name;City;State;Street Address;House Number;ID",
        "08/03/1975;06082-1234; O'BRIEN ;  Mary ;ENFIELD;Connecticut;Maple Ave;14;r1",
        ";;;;;;;;",
      ].join("\r\n"),
      "x",
    );
    assert.equal(recs.length, 1); // the empty row is skipped
    const { id, ...got } = recs[0]!;
    assert.equal(id, "r1");
    assert.deepEqual(got, want);
  });
  test("tabs, a full name in one column, the date of birth in three, no id column (rows are numbered)", () => {
    const recs = readFebrl(
      ["name\tbirth_year\tbirth_month\tbirth_day\tzip", "O'Brien, Mary\t1975\t8\t3\t6082", "Peter Nguyen\t\t\t\t"].join(
        "\n",
      ),
      "x",
    );
    assert.deepEqual(
      recs.map((r) => [r.id, r.firstName, r.lastName, r.dob, r.zip]),
      [
        ["1", "mary", "obrien", "19750803", "06082"],
        ["2", "peter", "nguyen", "", ""],
      ],
    );
  });
  test("--ignore-column works under the file's own column name and under the FEBRL name", () => {
    const text = "id,first,last,ssn\n1,ann,lee,123\n";
    assert.equal(readFebrl(text, "x")[0]!.identifier, "123");
    assert.equal(readFebrl(text, "x", { ignore: ["ssn"] })[0]!.identifier, "");
    assert.equal(readFebrl(text, "x", { ignore: ["soc_sec_id"] })[0]!.identifier, "");
  });
  test("a comma inside quotes is not a delimiter; a lone CR ends a row", () => {
    assert.deepEqual(parseCsv('a,"b,c"\rd,e'), [
      ["a", "b,c"],
      ["d", "e"],
    ]);
  });
  test("a duplicated id is a clear error naming it; a file with no names is refused", () => {
    assert.throws(() => readFebrl("id,first\n1,ann\n1,bob\n", "--left"), /--left: id 1 appears twice/);
    assert.throws(() => readFebrl("id,dob\n1,19900101\n", "--left"), /needs given_name and surname/);
  });
  test("the command links a Latin-1 file with odd columns to a FEBRL file", () => {
    const dir = mkdtempSync(join(tmpdir(), "identity-input-"));
    writeFileSync(
      join(dir, "a.csv"),
      [
        "rec_id,given_name,surname,street_number,address_1,address_2,suburb,postcode,state,date_of_birth",
        "a1,zoë,müller-hart,14,maple avenue,,enfield,06082,ct,19750803",
        "a2,peter,nguyen,9,elm lane,,stamford,06901,ct,19551212",
      ].join("\n") + "\n",
    );
    writeFileSync(
      join(dir, "b.csv"),
      Buffer.from(
        "Last Name,First Name,DOB,Address,City,Zip,Record ID\nMüller,ZOË,08/03/1975,14 Maple Ave,Enfield,06082-4411,b1\n",
        "latin1",
      ),
    );
    let err = "";
    const code = runIdentityCommand(
      ["link", "--left", join(dir, "a.csv"), "--right", join(dir, "b.csv"), "--out", join(dir, "o.csv")],
      () => {},
      (s) => {
        err += s;
      },
    );
    assert.equal(code, 0, err);
    const rows = parseCsv(readFileSync(join(dir, "o.csv"), "utf8"));
    assert.deepEqual(rows[0], ["left_id", "right_id", "score", "decision"]);
    assert.deepEqual(
      rows.slice(1).map((r) => [r[0], r[1]]),
      [["a1", "b1"]],
    );
  });
});
