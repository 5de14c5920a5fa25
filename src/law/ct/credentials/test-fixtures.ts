/** Shared facts for the credential tests (not itself a test). */
import assert from "node:assert/strict";
import { type PlainDate, plainDate } from "../../core/dates.ts";
import type { Finding, FindingStatus } from "../../core/rules.ts";
import type { CredentialEvent, CredentialFacts } from "./facts.ts";
import type { CredentialKind } from "./kinds.ts";

export const d = plainDate;

/** A Connecticut applicant born in 1980 who meets every requirement of every credential. */
export function eligibleFacts(credential: CredentialKind, overrides: Partial<CredentialFacts> = {}): CredentialFacts {
  return {
    credential,
    applicant: {
      birthDate: d("1980-01-15"),
      residenceState: "CT",
      residenceTown: "Hartford",
      residenceIsPermanent: true,
      applicationTown: "Hartford",
      placeOfBusinessTowns: [],
      citizenOrLawfulResident: true,
    },
    attestedNoTemporaryPermitApplicationIn12Months: true,
    priorTemporaryPermitApplicationDates: [],
    holdsTemporaryPermit: true,
    backgroundCheckConsent: true,
    feePaid: true,
    recordsChecked: true,
    nics: { status: "proceed" },
    events: [],
    ...overrides,
  };
}

/** The same applicant with the given record events. */
export const withEvents = (credential: CredentialKind, ...events: CredentialEvent[]): CredentialFacts =>
  eligibleFacts(credential, { events });

/** Asserts a finding's status (and, for unknown, its missing facts), showing the reason on failure. */
export function expectStatus(f: Finding, status: FindingStatus, missing?: string[]): void {
  assert.equal(f.status, status, `${f.id}: expected ${status}, got ${f.status} (${f.because})`);
  if (missing) assert.deepEqual([...(f.missing ?? [])].sort(), [...missing].sort(), `${f.id}: missing facts`);
  if (status === "not-met") assert.equal(f.missing, undefined, "a not-met finding never rests on missing facts");
  assert.ok(f.because.length > 0, "every finding says why");
  assert.ok(f.source.act && f.source.section, "every finding cites its source");
}

export type Case = {
  name: string;
  facts: CredentialFacts;
  on: PlainDate | string;
  status: FindingStatus;
  missing?: string[];
};
