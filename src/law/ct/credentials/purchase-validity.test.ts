/** Which credential lets its holder buy what, the day before and the day of each start date. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { NotInForce } from "../../core/rules.ts";
import { CREDENTIAL_KINDS, type CredentialKind } from "./kinds.ts";
import { type Purpose, validForPurpose } from "./purchase-validity.ts";
import { d } from "./test-fixtures.ts";

type Row = Record<CredentialKind, boolean>;
const row = (
  temporary: boolean,
  permit: boolean,
  handgunCert: boolean,
  longGunCert: boolean,
  ammoCert: boolean,
): Row => ({
  "temporary-state-permit": temporary,
  "state-handgun-permit": permit,
  "handgun-eligibility-certificate": handgunCert,
  "long-gun-eligibility-certificate": longGunCert,
  "ammunition-certificate": ammoCert,
});

//                                  temp   permit HEC    LGEC   ammo
const cases: [Purpose, string, boolean, Row][] = [
  ["handgun-purchase", "2013-04-04", true, row(false, true, true, false, false)],
  ["handgun-purchase", "2014-04-01", true, row(false, true, true, false, false)],
  ["long-gun-purchase", "2014-03-31", false, row(true, true, true, true, true)],
  ["long-gun-purchase", "2014-04-01", true, row(false, true, true, true, false)],
  ["ammunition-purchase", "2013-09-30", false, row(true, true, true, true, true)],
  ["ammunition-purchase", "2013-10-01", true, row(false, true, true, true, true)],
  ["magazine-purchase", "2013-09-30", false, row(true, true, true, true, true)],
  ["magazine-purchase", "2013-10-01", true, row(false, true, true, true, true)],
];

describe("validForPurpose", () => {
  for (const [purpose, on, required, expected] of cases) {
    for (const kind of CREDENTIAL_KINDS) {
      test(`${purpose} on ${on} with a ${kind}: ${expected[kind] ? "valid" : "not valid"}${required ? "" : " (no credential required yet)"}`, () => {
        const v = validForPurpose(kind, purpose, d(on));
        assert.equal(v.valid, expected[kind]);
        assert.equal(v.credentialRequired, required);
        assert.ok(v.source.section);
      });
    }
  }
  test("an ammunition certificate must be shown with a government photo ID", () => {
    assert.match(
      validForPurpose("ammunition-certificate", "ammunition-purchase", d("2013-10-01")).alsoRequired ?? "",
      /photograph and date of birth/,
    );
    assert.equal(
      validForPurpose("long-gun-eligibility-certificate", "ammunition-purchase", d("2013-10-01")).alsoRequired,
      undefined,
    );
  });
  test("refused before the Act's passage (2013-04-04)", () =>
    assert.throws(() => validForPurpose("state-handgun-permit", "handgun-purchase", d("2013-04-03")), NotInForce));
});
