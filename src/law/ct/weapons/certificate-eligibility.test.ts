import { test } from "node:test";
import assert from "node:assert/strict";
import { plainDate } from "../../core/dates.ts";
import { NotInForce } from "../../core/rules.ts";
import { certificateEligibilityFinding, certificateEligible } from "./certificate-eligibility.ts";

const none = { prohibitingEventRecorded: false, activeCredentialKinds: [] as string[] };

test("the examiner's finding decides, either way, over every other piece of evidence", () => {
  assert.equal(
    certificateEligible({ ...none, examinerFinding: false, activeCredentialKinds: ["state-handgun-permit"] }),
    false,
  );
  assert.equal(certificateEligible({ ...none, examinerFinding: true, prohibitingEventRecorded: true }), true);
});

test("a recorded prohibiting event makes the holder not eligible even with an active permit", () => {
  assert.equal(
    certificateEligible({ prohibitingEventRecorded: true, activeCredentialKinds: ["state-handgun-permit"] }),
    false,
  );
});

test("an active firearm credential is evidence of eligibility; an ammunition certificate alone is not", () => {
  assert.equal(certificateEligible({ ...none, activeCredentialKinds: ["long-gun-eligibility-certificate"] }), true);
  assert.equal(certificateEligible({ ...none, activeCredentialKinds: ["ammunition-certificate"] }), undefined);
  assert.equal(certificateEligible(none), undefined);
});

test("unknown eligibility is an unknown finding (a person decides), never not-met", () => {
  const f = certificateEligibilityFinding(none, plainDate("2013-12-31"));
  assert.equal(f.status, "unknown");
  assert.deepEqual(f.missing, ["eligibleForCertificate"]);
  assert.equal(
    certificateEligibilityFinding({ ...none, prohibitingEventRecorded: true }, plainDate("2014-01-02")).status,
    "not-met",
  );
  assert.throws(() => certificateEligibilityFinding(none, plainDate("2013-04-03")), NotInForce);
});
