/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * The credentials slice end to end through the HTTP API: apply, decide, queue,
 * issue, verify at the counter, renewal notices, renewal, expiry, revocation
 * after a prohibiting event, surrender (on time, late, never), address changes,
 * and the background check when NICS is down, denies or delays.
 *
 * Expected dates and amounts come from the law modules (credentialTerm,
 * applicationFee, renewalNotice, surrenderDeadline, lateSurrenderPenalty,
 * validForPurpose) and are also spelled out as literals, so a change to either
 * the law or the platform shows up here.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../helpers.ts";
import {
  CREDENTIAL_KINDS,
  PURPOSES,
  applicationFee,
  credentialTerm,
  lateSurrenderPenalty,
  renewalNotice,
  surrenderDeadline,
  validForPurpose,
  type CredentialKind,
} from "../../src/law/ct/credentials/index.ts";
import type { PlainDate } from "../../src/law/core/dates.ts";
import {
  REVIEW_NOTE,
  applicationBody,
  caller,
  count,
  expectProblem,
  expectStatus,
  issueFor,
  json,
  newPerson,
  plusDays,
  rowCounts,
  type Call,
} from "./support.ts";

const TODAY = "2026-11-20" as PlainDate;

const PREFIX: Record<CredentialKind, string> = {
  "temporary-state-permit": "TP",
  "state-handgun-permit": "SP",
  "handgun-eligibility-certificate": "HE",
  "long-gun-eligibility-certificate": "LE",
  "ammunition-certificate": "AC",
};

/** Fees in cents, as the law modules give them (asserted against applicationFee too). */
const FEE: Record<CredentialKind, number> = {
  "temporary-state-permit": 140_00,
  "state-handgun-permit": 0,
  "handgun-eligibility-certificate": 35_00,
  "long-gun-eligibility-certificate": 35_00,
  "ammunition-certificate": 35_00,
};

/** Expiry for a credential issued on TODAY, spelled out. */
const EXPIRES: Record<CredentialKind, string> = {
  "temporary-state-permit": "2027-01-19", // 60 days
  "state-handgun-permit": "2031-11-20",
  "handgun-eligibility-certificate": "2031-11-20",
  "long-gun-eligibility-certificate": "2031-11-20",
  "ammunition-certificate": "2031-11-20",
};

/** The order a resident can apply in: the state permit follows the temporary state permit. */
const ORDER: CredentialKind[] = [
  "temporary-state-permit",
  "state-handgun-permit",
  "handgun-eligibility-certificate",
  "long-gun-eligibility-certificate",
  "ammunition-certificate",
];

const FINDING_STATUSES = new Set(["met", "not-met", "unknown", "not-applicable"]);

function unknownFindings(decision: { findings: { id: string; status: string; because: string }[] }): string {
  return decision.findings
    .filter((f) => f.status !== "met" && f.status !== "not-applicable")
    .map((f) => `${f.id} (${f.status}: ${f.because})`)
    .join("; ");
}

async function verify(
  call: Call,
  body: { credentialNumber: string; lastName: string; birthDate: string; purpose: string },
  who: "dealer" | "ammunition_vendor" = "dealer",
) {
  const r = await call(who, { method: "POST", url: "/api/v1/verifications", payload: body });
  expectStatus(r, 200, `verify ${JSON.stringify(body)}`);
  return json<{ valid: boolean; purpose: string; checkedOn: string; reference: string }>(r);
}

describe("apply and issue each of the five credentials", () => {
  let env: TestEnv;
  let call: Call;
  const issued = new Map<CredentialKind, any>();
  before(async () => {
    env = await createTestEnv({ today: TODAY });
    call = caller(env);
  });
  after(async () => {
    await env.close();
  });

  test("the test covers every credential kind the law defines", () => {
    assert.deepEqual([...ORDER].sort(), [...CREDENTIAL_KINDS].sort());
  });

  test("a temporary state permit application without the 12-month statement is refused naming the field, and nothing is stored", async () => {
    const before = await rowCounts(env);
    const body = applicationBody("temporary-state-permit");
    delete body.attestedNoTemporaryPermitIn12Months;
    const r = await call("resident", { method: "POST", url: "/api/v1/applications", payload: body });
    expectProblem(r, 400, "attestedNoTemporaryPermitIn12Months");
    assert.deepEqual(await rowCounts(env, ["applications", "application_actions", "decisions"]), {
      applications: before.applications,
      application_actions: before.application_actions,
      decisions: before.decisions,
    });
  });

  test("an application without consent to the background check is refused naming the field", async () => {
    const r = await call("resident", {
      method: "POST",
      url: "/api/v1/applications",
      payload: applicationBody("long-gun-eligibility-certificate", { backgroundCheckConsent: false }),
    });
    expectProblem(r, 400, "backgroundCheckConsent");
    assert.equal(await count(env, "applications"), 0);
  });

  for (const kind of ORDER) {
    test(`${kind}: the resident applies, the decision cites the law, staff see it in the queue and issue it with the law's term and fee`, async () => {
      const fee = applicationFee(kind, TODAY);
      assert.equal(fee.amountCents, FEE[kind], "fee from the law module");

      const r = await call("resident", { method: "POST", url: "/api/v1/applications", payload: applicationBody(kind) });
      expectStatus(r, 201, `apply ${kind}`);
      const { application, decision } = json(r);
      assert.equal(application.credentialKind, kind);
      assert.equal(application.kind, "new");
      assert.equal(application.channel, "online");
      assert.equal(application.submittedOn, TODAY);
      assert.equal(application.feeCents, FEE[kind]);
      assert.equal(application.feePaid, true);
      assert.match(application.number, /^A-\d+$/);

      // The decision: every finding has a known status, a reason and a citation of the Act or the statutes.
      assert.ok(
        decision.findings.length >= 10,
        `expected the full list of requirements, got ${decision.findings.length}`,
      );
      for (const f of decision.findings) {
        assert.match(f.id, /^credentials\./);
        assert.ok(FINDING_STATUSES.has(f.status), `${f.id}: status ${f.status}`);
        assert.ok(f.because.length > 5, `${f.id}: because`);
        assert.match(f.citation, /^(PA 13-3|CGS) /, `${f.id}: citation ${f.citation}`);
        assert.match(f.citation, /§/, `${f.id}: citation names a section`);
      }
      const byId = new Map<string, any>(decision.findings.map((f: any) => [f.id, f]));
      for (const id of [
        "credentials.minimum-age",
        "credentials.felony-conviction",
        "credentials.national-background-check",
        "credentials.fee-paid",
        "credentials.background-check-consent",
      ]) {
        assert.equal(
          byId.get(id)?.status,
          "met",
          `${id} is met for a clean 46-year-old applicant: ${JSON.stringify(byId.get(id))}`,
        );
      }
      if (kind === "temporary-state-permit")
        assert.equal(byId.get("credentials.temporary-permit-attestation")?.status, "met");
      if (kind === "state-handgun-permit")
        assert.equal(
          byId.get("credentials.state-permit-route")?.status,
          "met",
          "the temporary permit issued first counts",
        );
      assert.ok(
        !decision.findings.some((f: any) => f.status === "not-met"),
        `nothing disqualifies: ${unknownFindings(decision)}`,
      );
      assert.ok(["approvable", "needs-review"].includes(application.status), application.status);
      const approvable = application.status === "approvable";

      // The staff queue lists it with the applicant's name.
      const q = await call("licensing_staff", {
        method: "GET",
        url: "/api/v1/applications",
        headers: { "stateline-purpose": "licensing-review; working the application queue" },
      });
      expectStatus(q, 200);
      const row = json(q).items.find((i: any) => i.id === application.id);
      assert.ok(row, "the application is in the licensing queue");
      assert.equal(row.status, application.status);
      assert.deepEqual(row.applicant, { firstName: "Robin", lastName: "Testperson" });
      const filtered = await call("licensing_staff", {
        method: "GET",
        url: `/api/v1/applications?status=${application.status}`,
        headers: { "stateline-purpose": "licensing-review; working the application queue" },
      });
      assert.ok(
        json(filtered).items.some((i: any) => i.id === application.id),
        "the status filter finds it",
      );

      // Staff issue it.
      const i = await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/applications/${application.id}/issue`,
        payload: approvable
          ? { confirmations: { safetyCourse: true, suitability: true } }
          : { reviewNote: REVIEW_NOTE, confirmations: { safetyCourse: true, suitability: true } },
      });
      expectStatus(i, 201, `issue ${kind}`);
      const cred = json(i).credential;
      issued.set(kind, cred);
      assert.match(cred.number, new RegExp(`^${PREFIX[kind]}-\\d{7}$`));
      assert.equal(cred.kind, kind);
      assert.equal(cred.status, "active");
      assert.equal(cred.issuedOn, TODAY);
      assert.equal(cred.expiresOn, credentialTerm(kind, TODAY).expiresOn, "term from the law module");
      assert.equal(cred.expiresOn, EXPIRES[kind]);
      assert.equal(cred.feeCents, FEE[kind], "the fee is recorded on the credential");
      assert.equal(cred.revokedOn, null);

      // The application is issued, with its history; the holder gets a notice; the issue is audited.
      const a = await call("resident", { method: "GET", url: `/api/v1/applications/${application.id}` });
      expectStatus(a, 200);
      const full = json(a);
      assert.equal(full.application.status, "issued");
      assert.deepEqual(
        full.history.map((h: any) => h.action),
        ["submit", "check", "issue"],
      );
      assert.deepEqual(full.next, []);
      assert.equal(
        await count(env, "outbox WHERE template = 'credential-issued' AND body LIKE '%' || $1 || '%'", [cred.number]),
        1,
      );
      assert.equal(await count(env, "audit_log WHERE action = 'credential.issue' AND entity_id = $1", [cred.id]), 1);

      if (kind === "state-handgun-permit") {
        const tp = issued.get("temporary-state-permit");
        const t = await call("resident", { method: "GET", url: `/api/v1/credentials/${tp.id}` });
        assert.equal(
          json(t).credential.status,
          "superseded",
          "the temporary permit has done its work once the state permit issues",
        );
      }

      // Last, because a failure here should not hide the checks above: a clean applicant is approvable.
      assert.equal(
        application.status,
        "approvable",
        `a clean applicant with NICS proceed should be approvable (outcome yes); not met or unknown: ${unknownFindings(decision)}`,
      );
      assert.equal(decision.outcome, "yes");
    });
  }

  test("the resident's own list shows every credential issued", async () => {
    const r = await call("resident", { method: "GET", url: "/api/v1/credentials" });
    expectStatus(r, 200);
    const numbers = json(r)
      .items.map((c: any) => c.number)
      .sort();
    assert.deepEqual(numbers, [...issued.values()].map((c) => c.number).sort());
  });
});

describe("verification at the counter", () => {
  let env: TestEnv;
  let call: Call;
  const cred = new Map<CredentialKind, any>();
  const robin = { lastName: "Testperson", birthDate: "1980-06-15" };
  before(async () => {
    env = await createTestEnv({ today: TODAY });
    call = caller(env);
    for (const kind of ORDER) cred.set(kind, (await issueFor(call, env.resident.id, kind)).credential);
  });
  after(async () => {
    await env.close();
  });

  test("valid exactly for the purposes the law allows each active credential", async () => {
    for (const kind of ORDER.filter((k) => k !== "temporary-state-permit")) {
      for (const purpose of PURPOSES) {
        const v = await verify(call, { credentialNumber: cred.get(kind).number, ...robin, purpose });
        assert.equal(v.valid, validForPurpose(kind, purpose, TODAY).valid, `${kind} for ${purpose}`);
        assert.equal(v.purpose, purpose);
      }
    }
    // Spelled out, so the law module and the platform cannot drift together unnoticed.
    const expect = (kind: CredentialKind, purpose: string, valid: boolean) =>
      verify(call, { credentialNumber: cred.get(kind).number, ...robin, purpose }).then((v) =>
        assert.equal(v.valid, valid, `${kind} ${purpose}`),
      );
    await expect("long-gun-eligibility-certificate", "long-gun-purchase", true);
    await expect("long-gun-eligibility-certificate", "handgun-purchase", false);
    await expect("ammunition-certificate", "ammunition-purchase", true);
    await expect("ammunition-certificate", "long-gun-purchase", false);
    await expect("state-handgun-permit", "handgun-purchase", true);
    await expect("handgun-eligibility-certificate", "handgun-purchase", true);
  });

  test("the answer has exactly the keys valid, purpose, checkedOn, reference and reveals nothing about the holder", async () => {
    const c = cred.get("long-gun-eligibility-certificate");
    const r = await call("dealer", {
      method: "POST",
      url: "/api/v1/verifications",
      payload: { credentialNumber: c.number, ...robin, purpose: "long-gun-purchase" },
    });
    expectStatus(r, 200);
    const v = json(r);
    assert.deepEqual(Object.keys(v).sort(), ["checkedOn", "purpose", "reference", "valid"]);
    assert.equal(v.valid, true);
    assert.equal(v.checkedOn, TODAY);
    assert.match(v.reference, /^V-[0-9A-F]{8}$/);
    for (const secret of ["Robin", c.expiresOn, c.id, "Hartford", env.resident.id, c.kind, "Main Street"]) {
      assert.ok(!r.body.includes(secret), `the verification must not reveal ${secret}`);
    }
    const audit = await env.services.db.query(
      "SELECT actor_role, purpose, details FROM audit_log WHERE action = 'credential.verify' ORDER BY seq DESC LIMIT 1",
    );
    assert.equal(audit[0]!.actor_role, "dealer");
    assert.equal(audit[0]!.purpose, "long-gun-purchase");
    assert.deepEqual(audit[0]!.details, { valid: true, reference: v.reference });
  });

  test("invalid for a wrong name, a wrong date of birth, an unknown number and a superseded permit; number and name are matched leniently", async () => {
    const c = cred.get("long-gun-eligibility-certificate");
    const purpose = "long-gun-purchase";
    assert.equal(
      (await verify(call, { credentialNumber: c.number, lastName: "Testpersen", birthDate: robin.birthDate, purpose }))
        .valid,
      false,
      "wrong name",
    );
    assert.equal(
      (await verify(call, { credentialNumber: c.number, lastName: robin.lastName, birthDate: "1980-06-16", purpose }))
        .valid,
      false,
      "wrong date of birth",
    );
    assert.equal(
      (await verify(call, { credentialNumber: "LE-9999999", ...robin, purpose })).valid,
      false,
      "unknown number",
    );
    assert.equal(
      (
        await verify(call, {
          credentialNumber: cred.get("temporary-state-permit").number,
          ...robin,
          purpose: "handgun-purchase",
        })
      ).valid,
      false,
      "the temporary permit was superseded by the state permit",
    );
    const lenient = c.number.toLowerCase().replace("-", "");
    assert.equal(
      (
        await verify(
          call,
          { credentialNumber: lenient, lastName: "TESTPERSON", birthDate: robin.birthDate, purpose },
          "ammunition_vendor",
        )
      ).valid,
      true,
      "lower case, no dash, upper-case name",
    );
  });

  test("valid on the last day before expiry, invalid on the expiry date", async () => {
    const c = cred.get("handgun-eligibility-certificate");
    env.clock.set(plusDays(c.expiresOn, -1));
    assert.equal(
      (await verify(call, { credentialNumber: c.number, ...robin, purpose: "handgun-purchase" })).valid,
      true,
    );
    env.clock.set(c.expiresOn);
    const v = await verify(call, { credentialNumber: c.number, ...robin, purpose: "handgun-purchase" });
    assert.equal(v.valid, false, "expired");
    assert.equal(v.checkedOn, c.expiresOn);
    env.clock.set(TODAY);
  });
});

describe("renewal notices, renewal and expiry", () => {
  let env: TestEnv;
  let call: Call;
  let le: any, he: any, ac: any;
  before(async () => {
    env = await createTestEnv({ today: TODAY });
    call = caller(env);
    le = (await issueFor(call, env.resident.id, "long-gun-eligibility-certificate")).credential;
    he = (await issueFor(call, env.resident.id, "handgun-eligibility-certificate")).credential;
    ac = (await issueFor(call, env.resident.id, "ammunition-certificate")).credential;
  });
  after(async () => {
    await env.close();
  });

  const renewalNotices = () =>
    env.services.db.query<{ subject: string; body: string; person_id: string; channel: string }>(
      "SELECT subject, body, person_id::text, channel FROM outbox WHERE template = 'renewal-notice'",
    );
  const daily = async () => {
    const r = await call("admin", { method: "POST", url: "/api/v1/jobs/daily" });
    expectStatus(r, 200);
    return json<{ expired: number; renewalNotices: number; lateSurrenders: number }>(r);
  };

  test("the law: a notice 90 days before expiry for eligibility certificates, none for the ammunition certificate", () => {
    assert.equal(renewalNotice("long-gun-eligibility-certificate", le.expiresOn).sendOn, "2031-08-22");
    assert.equal(renewalNotice("handgun-eligibility-certificate", he.expiresOn).sendOn, "2031-08-22");
    assert.equal(renewalNotice("ammunition-certificate", ac.expiresOn).sendOn, null);
  });

  test("no notice the day before; on the 90th day before expiry the daily job queues one per certificate, none for ammunition, once", async () => {
    env.clock.set("2031-08-21" as PlainDate);
    assert.equal((await daily()).renewalNotices, 0);
    assert.equal((await renewalNotices()).length, 0);

    env.clock.set("2031-08-22" as PlainDate);
    const r = await daily();
    assert.equal(r.renewalNotices, 2);
    const notices = await renewalNotices();
    assert.equal(notices.length, 2);
    assert.ok(
      notices.some((n) => n.subject.includes(le.number)),
      "long gun certificate notice",
    );
    assert.ok(
      notices.some((n) => n.subject.includes(he.number)),
      "handgun certificate notice",
    );
    assert.ok(
      !notices.some((n) => n.subject.includes(ac.number) || n.body.includes(ac.number)),
      "no notice for the ammunition certificate",
    );
    for (const n of notices) {
      assert.equal(n.person_id, env.resident.id);
      assert.equal(n.channel, "email");
      assert.match(n.body, /2031-11-20/);
    }
    const outbox = await call("licensing_staff", {
      method: "GET",
      url: "/api/v1/outbox",
      headers: { "stateline-purpose": "licensing-review; checking the renewal notices went out" },
    });
    expectStatus(outbox, 200);
    assert.equal(json(outbox).items.filter((i: any) => i.template === "renewal-notice").length, 2);

    assert.equal((await daily()).renewalNotices, 0, "running the job again sends nothing twice");
    assert.equal((await renewalNotices()).length, 2);
    const c = await call("resident", { method: "GET", url: `/api/v1/credentials/${le.id}` });
    assert.equal(json(c).credential.renewalNoticeSentOn, "2031-08-22");
  });

  let renewed: any;
  test("renewing online early keeps the old credential valid until its expiry; the new term runs on from the old expiry", async () => {
    const r = await call("resident", {
      method: "POST",
      url: `/api/v1/credentials/${le.id}/renew`,
      payload: {
        residenceTown: "Hartford",
        citizenOrLawfulResident: true,
        backgroundCheckConsent: true,
        feePaid: true,
      },
    });
    expectStatus(r, 201);
    const { application } = json(r);
    assert.equal(application.kind, "renewal");
    assert.equal(application.credentialKind, "long-gun-eligibility-certificate");
    assert.equal(application.feeCents, 35_00);
    const i = await call("licensing_staff", {
      method: "POST",
      url: `/api/v1/applications/${application.id}/issue`,
      payload: { reviewNote: REVIEW_NOTE, confirmations: { safetyCourse: true, suitability: true } },
    });
    expectStatus(i, 201);
    renewed = json(i).credential;
    assert.notEqual(renewed.number, le.number);
    assert.equal(renewed.issuedOn, "2031-11-20");
    assert.equal(renewed.expiresOn, credentialTerm("long-gun-eligibility-certificate", renewed.issuedOn).expiresOn);
    assert.equal(renewed.expiresOn, "2036-11-20");
    const old = await call("resident", { method: "GET", url: `/api/v1/credentials/${le.id}` });
    assert.equal(
      json(old).credential.status,
      "active",
      "renewed early, the old certificate stays valid until it expires",
    );
    assert.ok(json(old).history.some((h: any) => h.action === "renewed" && h.details.newTermStartsOn === "2031-11-20"));

    const again = await call("resident", {
      method: "POST",
      url: `/api/v1/credentials/${le.id}/renew`,
      payload: {
        residenceTown: "Hartford",
        citizenOrLawfulResident: true,
        backgroundCheckConsent: true,
        feePaid: true,
      },
    });
    expectProblem(again, 400, "renewsCredentialId");
  });

  test("after renewing early the holder can still show a valid long gun credential at the counter", async () => {
    // Renewed on 2031-08-22: the old certificate stays valid until 2031-11-20, when the new one starts.
    const purpose = "long-gun-purchase";
    const oldOk = (
      await verify(call, { credentialNumber: le.number, lastName: "Testperson", birthDate: "1980-06-15", purpose })
    ).valid;
    const newOk = (
      await verify(call, { credentialNumber: renewed.number, lastName: "Testperson", birthDate: "1980-06-15", purpose })
    ).valid;
    assert.ok(
      oldOk || newOk,
      "between an early renewal and the old expiry neither the old nor the new certificate verifies: the holder cannot buy",
    );
  });

  test("on the expiry date the daily job expires the ammunition certificate and it no longer verifies; the renewal takes over", async () => {
    env.clock.set("2031-11-20" as PlainDate);
    const r = await daily();
    assert.ok(r.expired >= 2, `expired ${r.expired}`);
    const c = await call("resident", { method: "GET", url: `/api/v1/credentials/${ac.id}` });
    assert.equal(json(c).credential.status, "expired");
    assert.ok(json(c).history.some((h: any) => h.action === "expired" && h.onDate === "2031-11-20"));
    assert.equal(
      (
        await verify(call, {
          credentialNumber: ac.number,
          lastName: "Testperson",
          birthDate: "1980-06-15",
          purpose: "ammunition-purchase",
        })
      ).valid,
      false,
    );
    assert.equal(
      (
        await verify(call, {
          credentialNumber: renewed.number,
          lastName: "Testperson",
          birthDate: "1980-06-15",
          purpose: "long-gun-purchase",
        })
      ).valid,
      true,
      "the renewed certificate is valid from the old expiry",
    );
  });
});

describe("prohibiting event: revocation, letters and surrender", () => {
  let env: TestEnv;
  let call: Call;
  let pat: { id: string };
  const c: Record<string, any> = {};
  let robinsCredential: any;
  before(async () => {
    env = await createTestEnv({ today: TODAY });
    call = caller(env);
    pat = await newPerson(env, { firstName: "Pat", lastName: "Nomail", birthDate: "1970-01-20" as PlainDate });
    c.le = (await issueFor(call, pat.id, "long-gun-eligibility-certificate")).credential;
    c.ac = (await issueFor(call, pat.id, "ammunition-certificate")).credential;
    c.he = (await issueFor(call, pat.id, "handgun-eligibility-certificate")).credential;
    robinsCredential = (await issueFor(call, env.resident.id, "long-gun-eligibility-certificate")).credential;
  });
  after(async () => {
    await env.close();
  });

  test("a felony conviction revokes every active credential of the person, with reasons, citation and a five-day surrender deadline", async () => {
    const r = await call("licensing_staff", {
      method: "POST",
      url: "/api/v1/prohibiting-events",
      payload: {
        personId: pat.id,
        kind: "conviction",
        eventOn: "2026-11-18",
        statute: "53a-101",
        felony: true,
        offenseOn: "2026-03-02",
        source: "Superior Court, Hartford JD",
        reference: "HHD-CR26-0001",
      },
    });
    expectStatus(r, 201);
    const out = json(r);
    assert.match(out.eventId, /^[0-9a-f-]{36}$/);
    assert.equal(out.credentials.length, 3);
    for (const o of out.credentials) {
      assert.equal(o.action, "revoked");
      assert.equal(o.surrenderDueOn, "2026-11-25");
    }
    assert.equal(surrenderDeadline("long-gun-eligibility-certificate", TODAY).dueOn, "2026-11-25");

    for (const [kind, cr] of [
      ["long-gun-eligibility-certificate", c.le],
      ["ammunition-certificate", c.ac],
      ["handgun-eligibility-certificate", c.he],
    ] as const) {
      const g = await call("licensing_staff", {
        method: "GET",
        url: `/api/v1/credentials/${cr.id}`,
        headers: { "stateline-purpose": "licensing-review; revocation follow-up" },
      });
      expectStatus(g, 200);
      const { credential, history } = json(g);
      assert.equal(credential.status, "revoked");
      assert.equal(credential.revokedOn, TODAY);
      assert.equal(credential.surrenderDueOn, surrenderDeadline(kind, TODAY).dueOn);
      assert.equal(credential.surrenderedOn, null);
      assert.equal(credential.revocationReasons.length, 1);
      const reason = credential.revocationReasons[0];
      assert.equal(reason.id, "credentials.felony-conviction");
      assert.match(reason.because, /felony/);
      assert.match(reason.citation, /^(PA 13-3|CGS) .*§/);
      const revoked = history.find((h: any) => h.action === "revoked");
      assert.ok(revoked, "history records the revocation");
      assert.equal(revoked.details.surrender.dueOn, "2026-11-25");
      assert.match(revoked.details.surrender.citation, /§/);
    }

    const robins = await call("resident", { method: "GET", url: `/api/v1/credentials/${robinsCredential.id}` });
    assert.equal(json(robins).credential.status, "active", "another person's credential is untouched");
  });

  test("the holder gets a letter (no email on file) naming the reasons, the deadline and the penalty", async () => {
    const r = await call("licensing_staff", {
      method: "GET",
      url: "/api/v1/outbox?limit=500",
      headers: { "stateline-purpose": "licensing-review; checking the revocation letter" },
    });
    expectStatus(r, 200);
    const letters = json(r).items.filter((i: any) => i.template === "credential-revoked");
    assert.equal(letters.length, 3);
    for (const l of letters) {
      assert.equal(l.personId, pat.id);
      assert.equal(l.channel, "letter");
      assert.match(l.recipient, /Pat Nomail/);
      assert.match(l.recipient, /12 Oak Road/);
      assert.match(l.recipient, /Stamford/);
      assert.match(l.body, /surrender it by 2026-11-25/);
      assert.match(l.body, /felony/);
      assert.match(l.body, /§/);
    }
  });

  test("a revoked credential does not verify; a new application is ineligible and cannot be issued (409)", async () => {
    assert.equal(
      (
        await verify(call, {
          credentialNumber: c.le.number,
          lastName: "Nomail",
          birthDate: "1970-01-20",
          purpose: "long-gun-purchase",
        })
      ).valid,
      false,
    );
    const a = await call("licensing_staff", {
      method: "POST",
      url: "/api/v1/applications",
      payload: applicationBody("long-gun-eligibility-certificate", { personId: pat.id }),
    });
    expectStatus(a, 201);
    const { application, decision } = json(a);
    assert.equal(application.status, "ineligible");
    assert.equal(decision.outcome, "no");
    assert.deepEqual(decision.result.disqualifiers, ["credentials.felony-conviction"]);
    const before = await count(env, "credentials");
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/applications/${application.id}/issue`,
        payload: {},
      }),
      409,
    );
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/applications/${application.id}/issue`,
        payload: { reviewNote: "I am sure" },
      }),
      409,
    );
    assert.equal(await count(env, "credentials"), before);
  });

  test("surrender on the due date is on time; the daily job does not flag anything on the due date", async () => {
    env.clock.set("2026-11-25" as PlainDate);
    const daily = await call("admin", { method: "POST", url: "/api/v1/jobs/daily" });
    expectStatus(daily, 200);
    assert.equal(json(daily).lateSurrenders, 0);
    const r = await call("law_enforcement", {
      method: "POST",
      url: `/api/v1/credentials/${c.he.id}/surrender`,
      payload: { surrenderedOn: "2026-11-25" },
    });
    expectStatus(r, 200);
    const cr = json(r).credential;
    assert.equal(cr.surrenderedOn, "2026-11-25");
    assert.equal(cr.lateSurrenderFlaggedOn, null);
  });

  test("a surrender after the due date is flagged late with the penalty", async () => {
    env.clock.set("2026-11-27" as PlainDate);
    const r = await call("licensing_staff", {
      method: "POST",
      url: `/api/v1/credentials/${c.le.id}/surrender`,
      payload: { surrenderedOn: "2026-11-26" },
    });
    expectStatus(r, 200);
    const cr = json(r).credential;
    assert.equal(cr.surrenderedOn, "2026-11-26");
    assert.equal(cr.lateSurrenderFlaggedOn, "2026-11-27");
    const g = await call("licensing_staff", {
      method: "GET",
      url: `/api/v1/credentials/${c.le.id}`,
      headers: { "stateline-purpose": "licensing-review; recording the surrender" },
    });
    const s = json(g).history.find((h: any) => h.action === "surrendered");
    const penalty = lateSurrenderPenalty("long-gun-eligibility-certificate");
    assert.equal(s.details.late, true);
    assert.equal(s.details.classification, penalty.classification);
    assert.equal(s.details.classification, "class A misdemeanor");
    assert.equal(s.details.penalty, penalty.offense);
    assert.match(s.details.citation, /§/);
  });

  test("the daily job flags a credential never surrendered, once, with the penalty", async () => {
    const r = await call("licensing_staff", { method: "POST", url: "/api/v1/jobs/daily" });
    expectStatus(r, 200);
    assert.equal(json(r).lateSurrenders, 1, "only the ammunition certificate is still out");
    const g = await call("licensing_staff", {
      method: "GET",
      url: `/api/v1/credentials/${c.ac.id}`,
      headers: { "stateline-purpose": "licensing-review; recording the surrender" },
    });
    const { credential, history } = json(g);
    assert.equal(credential.lateSurrenderFlaggedOn, "2026-11-27");
    assert.equal(credential.surrenderedOn, null);
    const flag = history.find((h: any) => h.action === "late-surrender-flagged");
    assert.equal(flag.details.classification, lateSurrenderPenalty("ammunition-certificate").classification);
    assert.match(flag.details.citation, /§/);
    const again = await call("licensing_staff", { method: "POST", url: "/api/v1/jobs/daily" });
    assert.equal(json(again).lateSurrenders, 0);
  });

  test("surrender is refused twice, for an active credential, in the future, or before the revocation", async () => {
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/credentials/${c.le.id}/surrender`,
        payload: { surrenderedOn: "2026-11-27" },
      }),
      409,
    );
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/credentials/${robinsCredential.id}/surrender`,
        payload: { surrenderedOn: "2026-11-27" },
      }),
      409,
    );
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/credentials/${c.ac.id}/surrender`,
        payload: { surrenderedOn: "2026-11-28" },
      }),
      400,
      "surrenderedOn",
    );
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/credentials/${c.ac.id}/surrender`,
        payload: { surrenderedOn: "2026-11-19" },
      }),
      400,
      "surrenderedOn",
    );
  });
});

describe("address changes", () => {
  let env: TestEnv;
  let call: Call;
  before(async () => {
    env = await createTestEnv({ today: TODAY });
    call = caller(env);
  });
  after(async () => {
    await env.close();
  });

  test("each change is appended to the history, newest first, and the person's address follows the latest", async () => {
    const url = `/api/v1/people/${env.resident.id}/address-changes`;
    const r1 = await call("resident", {
      method: "POST",
      url,
      payload: { street: "40 Chapel Street", town: "New Haven", zip: "06510", effectiveOn: "2026-11-01" },
    });
    expectStatus(r1, 201);
    assert.equal(json(r1).history.length, 1);
    const r2 = await call("licensing_staff", {
      method: "POST",
      url,
      payload: { street: "7 Bank Street", town: "Stamford", zip: "06901", effectiveOn: TODAY },
    });
    expectStatus(r2, 201);
    const h = json(r2).history;
    assert.deepEqual(
      h.map((x: any) => [x.street, x.town, x.state, x.zip, x.effectiveOn]),
      [
        ["7 Bank Street", "Stamford", "CT", "06901", TODAY],
        ["40 Chapel Street", "New Haven", "CT", "06510", "2026-11-01"],
      ],
    );
    assert.equal(await count(env, "address_changes WHERE person_id = $1", [env.resident.id]), 2);
    const p = await env.services.db.query("SELECT street, town FROM people WHERE id = $1", [env.resident.id]);
    assert.deepEqual(p[0], { street: "7 Bank Street", town: "Stamford" });
    assert.equal(
      await count(env, "audit_log WHERE action = 'person.address-change' AND entity_id = $1", [env.resident.id]),
      2,
    );
  });

  test("a town outside Connecticut's list, or a future date, is refused naming the field and nothing is appended", async () => {
    const url = `/api/v1/people/${env.resident.id}/address-changes`;
    expectProblem(
      await call("resident", {
        method: "POST",
        url,
        payload: { street: "1 Nowhere Lane", town: "Springfield", effectiveOn: TODAY },
      }),
      400,
      "town",
    );
    expectProblem(
      await call("resident", {
        method: "POST",
        url,
        payload: { street: "1 Main Street", town: "Hartford", effectiveOn: plusDays(TODAY, 1) },
      }),
      400,
      "effectiveOn",
    );
    assert.equal(await count(env, "address_changes"), 2);
  });
});

describe("background check: NICS outage, denial and delay", () => {
  let env: TestEnv;
  let call: Call;
  before(async () => {
    env = await createTestEnv({ today: TODAY });
    call = caller(env);
  });
  after(async () => {
    env.nics.setOutage(false);
    await env.close();
  });

  let outageApp: string;
  test("during a NICS outage the application needs review (unknown), never ineligible or denied", async () => {
    const olive = await newPerson(env, { firstName: "Olive", lastName: "Outage" });
    env.nics.setOutage(true);
    const r = await call("licensing_staff", {
      method: "POST",
      url: "/api/v1/applications",
      payload: applicationBody("long-gun-eligibility-certificate", { personId: olive.id }),
    });
    env.nics.setOutage(false);
    expectStatus(r, 201);
    const { application, decision } = json(r);
    outageApp = application.id;
    assert.equal(application.status, "needs-review");
    assert.equal(application.channel, "paper");
    assert.equal(decision.outcome, "unknown");
    assert.equal(decision.result.eligible, null);
    const nbc = decision.findings.find((f: any) => f.id === "credentials.national-background-check");
    assert.equal(nbc.status, "unknown");
    assert.deepEqual(nbc.missing, ["nics.status"]);
    assert.ok(!decision.findings.some((f: any) => f.status === "not-met"), "an outage never disqualifies");
    assert.equal(await count(env, "nics_checks WHERE person_id = $1", [olive.id]), 0);
    const g = await call("licensing_staff", {
      method: "GET",
      url: `/api/v1/applications/${application.id}`,
      headers: { "stateline-purpose": "licensing-review; reviewing the application" },
    });
    assert.match(json(g).history.at(-1).note, /NICS unavailable/);
  });

  test("an unknown decision cannot be issued without a review note (400 naming reviewNote), and nothing is issued", async () => {
    const before = await count(env, "credentials");
    expectProblem(
      await call("licensing_staff", { method: "POST", url: `/api/v1/applications/${outageApp}/issue`, payload: {} }),
      400,
      "reviewNote",
    );
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/applications/${outageApp}/issue`,
        payload: { reviewNote: "   " },
      }),
      400,
      "reviewNote",
    );
    assert.equal(await count(env, "credentials"), before);
    const g = await call("licensing_staff", {
      method: "GET",
      url: `/api/v1/applications/${outageApp}`,
      headers: { "stateline-purpose": "licensing-review; reviewing the application" },
    });
    assert.equal(json(g).application.status, "needs-review");
  });

  test("after the outage a re-check gets NICS proceed and the application becomes approvable", async () => {
    const r = await call("licensing_staff", { method: "POST", url: `/api/v1/applications/${outageApp}/check` });
    expectStatus(r, 200);
    const { application, decision } = json(r);
    const nbc = decision.findings.find((f: any) => f.id === "credentials.national-background-check");
    assert.equal(nbc.status, "met");
    assert.equal(await count(env, "nics_checks WHERE status = 'proceed'"), 1);
    assert.equal(application.status, "approvable", `not met or unknown: ${unknownFindings(decision)}`);
    assert.equal(decision.outcome, "yes");
  });

  test("NICS denied: ineligible (outcome no), not denied automatically; issuing is refused (409); staff deny with a letter", async () => {
    const dana = await newPerson(env, { firstName: "Dana", lastName: "Denied", birthDate: "1985-09-09" as PlainDate });
    env.nics.deny({ firstName: "Dana", lastName: "Denied", birthDate: "1985-09-09" });
    const r = await call("licensing_staff", {
      method: "POST",
      url: "/api/v1/applications",
      payload: applicationBody("ammunition-certificate", { personId: dana.id }),
    });
    expectStatus(r, 201);
    const { application, decision } = json(r);
    assert.equal(application.status, "ineligible");
    assert.equal(decision.outcome, "no");
    assert.equal(
      decision.findings.find((f: any) => f.id === "credentials.national-background-check").status,
      "not-met",
    );
    assert.deepEqual(decision.result.disqualifiers, ["credentials.national-background-check"]);
    assert.equal(
      await count(env, "application_actions WHERE application_id = $1 AND action = 'deny'", [application.id]),
      0,
      "no automatic denial",
    );
    assert.equal(await count(env, "outbox WHERE template = 'application-denied'"), 0);

    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/applications/${application.id}/issue`,
        payload: {},
      }),
      409,
    );
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/applications/${application.id}/issue`,
        payload: { reviewNote: REVIEW_NOTE },
      }),
      409,
    );
    assert.equal(await count(env, "credentials WHERE person_id = $1", [dana.id]), 0);

    const d = await call("licensing_staff", {
      method: "POST",
      url: `/api/v1/applications/${application.id}/deny`,
      payload: { reason: "NICS denied; the applicant may challenge it with the FBI" },
    });
    expectStatus(d, 200);
    assert.equal(json(d).application.status, "denied");
    const letters = await env.services.db.query(
      "SELECT body FROM outbox WHERE template = 'application-denied' AND person_id = $1",
      [dana.id],
    );
    assert.equal(letters.length, 1);
    assert.match(letters[0]!.body, /NICS denied/);
    assert.match(letters[0]!.body, /29-32b/);
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/applications/${application.id}/deny`,
        payload: { reason: "again, twice" },
      }),
      409,
    );
  });

  test("NICS delayed: needs review; staff may issue with a review note, which is kept", async () => {
    const del = await newPerson(env, { firstName: "Dale", lastName: "Delayed", birthDate: "1990-02-28" as PlainDate });
    env.nics.delay({ firstName: "Dale", lastName: "Delayed", birthDate: "1990-02-28" });
    const r = await call("licensing_staff", {
      method: "POST",
      url: "/api/v1/applications",
      payload: applicationBody("handgun-eligibility-certificate", { personId: del.id }),
    });
    expectStatus(r, 201);
    const { application, decision } = json(r);
    assert.equal(application.status, "needs-review");
    assert.equal(
      decision.findings.find((f: any) => f.id === "credentials.national-background-check").status,
      "unknown",
    );
    const note = "NICS delayed; state records clear; released after 3 business days";
    const i = await call("licensing_staff", {
      method: "POST",
      url: `/api/v1/applications/${application.id}/issue`,
      payload: { reviewNote: note, confirmations: { safetyCourse: true, suitability: true } },
    });
    expectStatus(i, 201);
    const g = await call("licensing_staff", {
      method: "GET",
      url: `/api/v1/applications/${application.id}`,
      headers: { "stateline-purpose": "licensing-review; reviewing the application" },
    });
    const h = json(g).history;
    assert.equal(h.at(-1).action, "issue");
    assert.equal(h.at(-1).note, note);
  });
});
