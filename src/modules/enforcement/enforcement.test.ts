/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * Enforcement: feeds (who may send, that sources never read, malformed input, resends and
 * corrections), matching (automatic, review, unmatched; an uncertain match never revokes), reach
 * (credentials, sales, applications, the § 34 obligation, the armed-and-prohibited list), lifting
 * on a vacated judgment, the two-business-day clock around a holiday, proof of transfer, escalation,
 * and seizures.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, expectStatus, json, type Call } from "../../../test/api/support.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import {
  createCourtSimulator,
  createDmhasSimulator,
  createProbateSimulator,
  createFederalSimulator,
  send,
  type SimPerson,
} from "../../adapters/courts/simulator.ts";
import { recordsToCsv } from "../../adapters/courts/contract.ts";
import { addCredential, holder, registerSeller, seedFirearmSale, seedSale } from "../ammunition/testkit.ts";
import { runDueJobs } from "../jobs/index.ts";
import { enforcementModule } from "./module.ts";
import { receiveRecord } from "./service.ts";
import { exactMatcher, identityMatcher, useMatcher } from "./matcher.ts";

const TODAY = "2026-11-20" as PlainDate;
const FORM = { "content-type": "application/x-www-form-urlencoded", accept: "text/html" };
const FORM_PURPOSE = "purposeCode=licensing-review&purposeText=checking+a+prohibiting+record";
const PURPOSE = { "stateline-purpose": "licensing-review; checking a prohibiting record against a holder" };

let env: TestEnv;
let call: Call;
let dealerId: string;
let vendorId: string;
const court = createCourtSimulator({ seed: 3 });

const sim = (p: { firstName: string; lastName: string; birthDate: string }): SimPerson => ({
  firstName: p.firstName,
  lastName: p.lastName,
  birthDate: p.birthDate,
});

async function armedHolder(opts: { firstName: string; lastName: string; birthDate: string; town?: string }) {
  const h = await holder(env.services.db, env.clock.today(), {
    kind: "state-handgun-permit",
    firstName: opts.firstName,
    lastName: opts.lastName,
    birthDate: opts.birthDate as PlainDate,
    town: opts.town ?? "Stamford",
  });
  const second = await addCredential(
    env.services.db,
    env.clock.today(),
    h.person.id,
    "long-gun-eligibility-certificate",
  );
  await seedFirearmSale(env.services.db, {
    personId: h.person.id,
    dealerId,
    on: "2026-06-01" as PlainDate,
    handgun: true,
    status: "proceeded",
  });
  await seedSale(env.services.db, {
    personId: h.person.id,
    credentialId: h.credential.id,
    dealerId: vendorId,
    on: "2026-09-01" as PlainDate,
    rounds: 200,
  });
  return { ...h, second };
}

const felony = (p: SimPerson, on: string, extra: Record<string, unknown> = {}) => ({
  ...court.conviction(p, { statute: "53a-134", offenseOn: "2026-03-02", convictionOn: on, felony: true }),
  ...extra,
});
const credStatus = async (id: string) =>
  (await env.services.db.query("SELECT status FROM credentials WHERE id = $1", [id]))[0]!.status;
const count = async (sql: string, params: unknown[] = []) => Number((await env.services.db.query(sql, params))[0]!.n);
/** Prohibiting events in force (a lifted one is either removed or marked lifted_at, depending on the credentials module's version). */
const eventsInForce = (personId: string) =>
  count("SELECT count(*) AS n FROM prohibiting_events p WHERE person_id = $1 AND (to_jsonb(p)->>'lifted_at') IS NULL", [
    personId,
  ]);

before(async () => {
  env = await createTestEnv({ today: TODAY });
  call = caller(env);
  dealerId = (await registerSeller(env, "firearm-dealer", "Hartford")).id;
  vendorId = (await registerSeller(env, "ammunition-vendor", "Hartford")).id;
});
after(async () => env.close());

describe("feeds: who may send, and sources never read", () => {
  test("401 without sign-in; each source sends on its own feed only; police may not send", async () => {
    const p = sim({ firstName: "Nobody", lastName: "Known", birthDate: "1970-01-01" });
    expectStatus(
      await call(null, { method: "POST", url: "/api/v1/feeds/court/records", payload: felony(p, "2026-11-02") }),
      401,
    );
    expectStatus(
      await call("court_source", {
        method: "POST",
        url: "/api/v1/feeds/court/records",
        payload: felony(p, "2026-11-02"),
      }),
      201,
    );
    expectStatus(
      await call("probate_source", {
        method: "POST",
        url: "/api/v1/feeds/probate/records",
        payload: createProbateSimulator().commitment(p, { committedOn: "2026-10-01" }),
      }),
      201,
    );
    expectStatus(
      await call("dmhas_source", {
        method: "POST",
        url: "/api/v1/feeds/dmhas/records",
        payload: createDmhasSimulator().admission(p, { admittedOn: "2026-10-01", solelyAlcoholOrDrug: false }),
      }),
      201,
    );
    expectStatus(
      await call("licensing_staff", {
        method: "POST",
        url: "/api/v1/feeds/federal/records",
        payload: createFederalSimulator().prohibitor(p, {
          category: "922(g)(5) unlawful alien",
          effectiveOn: "2026-10-01",
        }),
      }),
      201,
    );
    expectStatus(
      await call("court_source", {
        method: "POST",
        url: "/api/v1/feeds/probate/records",
        payload: createProbateSimulator({ seed: 99 }).commitment(p, { committedOn: "2026-10-01" }),
      }),
      403,
    );
    expectStatus(
      await call("dmhas_source", {
        method: "POST",
        url: "/api/v1/feeds/court/records",
        payload: felony(p, "2026-11-02"),
      }),
      403,
    );
    expectStatus(
      await call("law_enforcement", {
        method: "POST",
        url: "/api/v1/feeds/court/records",
        payload: felony(p, "2026-11-02"),
      }),
      403,
    );
    expectStatus(
      await call("court_source", {
        method: "POST",
        url: "/api/v1/feeds/federal/records",
        payload: createFederalSimulator({ seed: 5 }).prohibitor(p, {
          category: "922(g)(1)",
          effectiveOn: "2026-10-01",
        }),
      }),
      403,
    );
  });

  test("a source gets a receipt only, never the match", async () => {
    const h = await armedHolder({ firstName: "Receipt", lastName: "Onlyson", birthDate: "1981-05-05" });
    const res = await call("court_source", {
      method: "POST",
      url: "/api/v1/feeds/court/records",
      payload: felony(sim(h.person), "2026-11-02"),
    });
    expectStatus(res, 201);
    assert.deepEqual(Object.keys(json(res)).sort(), ["number", "receivedOn", "sourceRecordId", "stored", "version"]);
    assert.equal(await credStatus(h.credential.id), "revoked");
  });

  test("every read route refuses each source role with 403 (and audits the refusal)", async () => {
    const some = "00000000-0000-4000-8000-000000000000";
    const reads = [
      "/api/v1/feeds/records",
      `/api/v1/feeds/records/${some}`,
      "/api/v1/enforcement/reviews",
      `/api/v1/enforcement/reviews/${some}`,
      `/api/v1/enforcement/people/${some}`,
      "/api/v1/enforcement/armed-prohibited",
      "/api/v1/enforcement/counts",
      `/api/v1/enforcement/obligations/${some}`,
      "/api/v1/enforcement/matches",
      "/api/v1/enforcement/seizures",
      `/api/v1/enforcement/seizures/${some}`,
    ];
    const before = await count("SELECT count(*) AS n FROM audit_log WHERE outcome = 'denied'");
    for (const role of ["court_source", "probate_source", "dmhas_source"] as const) {
      for (const url of reads) {
        const r = await call(role, { method: "GET", url, headers: PURPOSE });
        assert.equal(r.statusCode, 403, `${role} GET ${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
      }
      expectStatus(await call(role, { method: "GET", url: "/enforcement/reviews" }), 403);
      expectStatus(
        await call(role, {
          method: "POST",
          url: "/enforcement/armed-prohibited",
          payload: FORM_PURPOSE,
          headers: FORM,
        }),
        403,
      );
    }
    assert.ok((await count("SELECT count(*) AS n FROM audit_log WHERE outcome = 'denied'")) >= before + 33);
  });

  test("reads need a purpose (400 naming the header) and are audited", async () => {
    const r = await call("licensing_staff", { method: "GET", url: "/api/v1/enforcement/reviews" });
    expectStatus(r, 400);
    assert.ok(r.body.includes("header.stateline-purpose"));
    const before = await count(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'enforcement.reviews.read' AND purpose LIKE 'licensing-review%'",
    );
    expectStatus(
      await call("licensing_staff", { method: "GET", url: "/api/v1/enforcement/reviews", headers: PURPOSE }),
      200,
    );
    assert.equal(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'enforcement.reviews.read' AND purpose LIKE 'licensing-review%'",
      ),
      before + 1,
    );
    expectStatus(
      await call("resident", { method: "GET", url: "/api/v1/enforcement/armed-prohibited", headers: PURPOSE }),
      403,
    );
    expectStatus(
      await call("dealer", {
        method: "GET",
        url: "/api/v1/enforcement/people/00000000-0000-4000-8000-000000000000",
        headers: PURPOSE,
      }),
      403,
    );
  });
});

describe("feeds: malformed input gets a 4xx naming the field", () => {
  const errs = (r: any) => (json(r).errors ?? []).map((e: any) => e.field);
  test("single records", async () => {
    const p = sim({ firstName: "Mal", lastName: "Formed", birthDate: "1975-01-01" });
    const good = felony(p, "2026-11-02");
    const noLast = { ...good, subject: { ...good.subject, lastName: undefined } };
    let r = await call("court_source", { method: "POST", url: "/api/v1/feeds/court/records", payload: noLast });
    expectStatus(r, 400);
    assert.ok(errs(r).includes("subject.lastName"), r.body);
    r = await call("court_source", {
      method: "POST",
      url: "/api/v1/feeds/court/records",
      payload: { ...good, convictionOn: "2027-01-05" },
    });
    expectStatus(r, 400);
    assert.ok(errs(r).includes("convictionOn"), r.body);
    r = await call("court_source", {
      method: "POST",
      url: "/api/v1/feeds/court/records",
      payload: { ...good, offenseOn: "2026-11-10" },
    });
    expectStatus(r, 400);
    assert.ok(errs(r).includes("offenseOn"), r.body);
    r = await call("court_source", {
      method: "POST",
      url: "/api/v1/feeds/court/records",
      payload: { ...good, subject: { ...good.subject, birthDate: "1975-02-30" } },
    });
    expectStatus(r, 400);
    assert.ok(errs(r).includes("subject.birthDate"), r.body);
    r = await call("court_source", {
      method: "POST",
      url: "/api/v1/feeds/court/records",
      payload: { ...good, shoeSize: 9 },
    });
    expectStatus(r, 400);
    assert.ok(errs(r).includes("shoeSize"), r.body);
    r = await call("court_source", {
      method: "POST",
      url: "/api/v1/feeds/court/records",
      payload: { ...good, kind: "probate-commitment", committedOn: "2026-01-01" },
    });
    assert.ok(r.statusCode === 400, r.body);
    r = await call("dmhas_source", {
      method: "POST",
      url: "/api/v1/feeds/dmhas/records",
      payload: {
        ...createDmhasSimulator({ seed: 4 }).admission(p, { admittedOn: "2026-10-01", solelyAlcoholOrDrug: true }),
        solelyAlcoholOrDrug: undefined,
      },
    });
    expectStatus(r, 400);
    assert.ok(errs(r).includes("solelyAlcoholOrDrug"), r.body);
    r = await call("court_source", { method: "POST", url: "/api/v1/feeds/court/records", payload: "not json at all" });
    assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${r.statusCode}`);
  });

  test("batches name the record and the field; a bad batch stores nothing", async () => {
    const p = sim({ firstName: "Batch", lastName: "Person", birthDate: "1966-06-06" });
    const before = await count("SELECT count(*) AS n FROM feed_records");
    const bad = [felony(p, "2026-11-02"), { ...felony(p, "2026-11-02"), subject: { ...p, birthDate: "06/06/1966" } }];
    let r = await call("court_source", { method: "POST", url: "/api/v1/feeds/court/records/batch", payload: bad });
    expectStatus(r, 400);
    assert.ok(errs(r).includes("records.1.subject.birthDate"), r.body);
    r = await call("court_source", {
      method: "POST",
      url: "/api/v1/feeds/court/records/batch",
      payload: { csv: "source_record_id,kind,favourite_colour\nX1,conviction,blue\n" },
    });
    expectStatus(r, 400);
    assert.ok(errs(r).includes("csv"), r.body);
    r = await call("court_source", { method: "POST", url: "/api/v1/feeds/court/records/batch", payload: [] });
    expectStatus(r, 400);
    assert.equal(await count("SELECT count(*) AS n FROM feed_records"), before);
  });

  test("a CSV batch (text/csv) and a JSON batch are received record by record", async () => {
    const ps = [
      sim({ firstName: "Csv", lastName: "Oneperson", birthDate: "1960-01-01" }),
      sim({ firstName: "Csv", lastName: "Twoperson", birthDate: "1961-01-01" }),
    ];
    const recs = ps.map((p) =>
      court.order(p, { issuedOn: "2026-11-01", expiresOn: "2027-05-01", ammunitionIndicated: true }),
    );
    const r = await send(
      async (req) => {
        const x = await call("court_source", {
          method: req.method,
          url: req.url,
          headers: req.headers,
          payload: req.body,
        });
        return { status: x.statusCode, body: x.body };
      },
      "court",
      recs,
      { format: "csv", idempotencyKey: "csv-batch-0001" },
    );
    assert.equal(r.status, 200, r.body);
    assert.equal(JSON.parse(r.body).count, 2);
    const stored = await env.services.db.query("SELECT details FROM feed_records WHERE source_record_id = $1", [
      recs[0]!.sourceRecordId,
    ]);
    assert.equal(stored[0]!.details.ammunitionIndicated, true);
    assert.ok(recordsToCsv(recs).startsWith("source_record_id,kind"));
  });
});

describe("resends, corrections and vacated judgments", () => {
  test("a resent record is stored once and revokes once", async () => {
    const h = await armedHolder({ firstName: "Twice", lastName: "Sentsworth", birthDate: "1977-07-07" });
    const rec = felony(sim(h.person), "2026-11-02");
    const a = json(await call("court_source", { method: "POST", url: "/api/v1/feeds/court/records", payload: rec }));
    const b = json(await call("court_source", { method: "POST", url: "/api/v1/feeds/court/records", payload: rec }));
    assert.equal(a.stored, "new");
    assert.equal(b.stored, "duplicate");
    assert.equal(a.number, b.number);
    assert.equal(
      await count("SELECT count(*) AS n FROM feed_records WHERE source_record_id = $1", [rec.sourceRecordId]),
      1,
    );
    assert.equal(
      await count(
        "SELECT count(*) AS n FROM feed_record_versions v JOIN feed_records f ON f.id = v.feed_record_id WHERE f.source_record_id = $1",
        [rec.sourceRecordId],
      ),
      1,
    );
    assert.equal(await eventsInForce(h.person.id), 1);
    assert.equal(
      await count("SELECT count(*) AS n FROM credential_actions WHERE credential_id = $1 AND action = 'revoked'", [
        h.credential.id,
      ]),
      1,
    );
    assert.equal(await count("SELECT count(*) AS n FROM surrender_obligations WHERE person_id = $1", [h.person.id]), 1);
    // The same new record sent twice at once (two connections on PostgreSQL) is stored once too.
    const rec2 = felony(
      sim({ firstName: "Nobody", lastName: "Concurrentsend", birthDate: "1955-05-25" }),
      "2026-11-02",
    );
    const both = await Promise.all(
      [0, 1].map(() => call("court_source", { method: "POST", url: "/api/v1/feeds/court/records", payload: rec2 })),
    );
    assert.deepEqual(both.map((x) => x.statusCode).sort(), [201, 201]);
    assert.deepEqual(both.map((x) => json(x).stored).sort(), ["duplicate", "new"]);
    assert.equal(
      await count("SELECT count(*) AS n FROM feed_records WHERE source_record_id = $1", [rec2.sourceRecordId]),
      1,
    );
  });

  test("a vacated judgment lifts its effects; a correction keeps the match and replaces the event", async () => {
    const h = await armedHolder({ firstName: "Vacated", lastName: "Laterly", birthDate: "1979-09-09" });
    const rec = felony(sim(h.person), "2026-11-02");
    const first = await receiveRecord(env.ctx("licensing_staff"), "court", rec as any);
    assert.equal(first.status, "matched");
    assert.ok(first.effects?.obligation);
    const corrected = await receiveRecord(env.ctx("licensing_staff"), "court", { ...rec, statute: "53a-135" } as any);
    assert.equal(corrected.stored, "correction");
    assert.equal(corrected.status, "matched");
    assert.equal(await eventsInForce(h.person.id), 1);
    assert.equal(
      await count("SELECT count(*) AS n FROM surrender_obligations WHERE person_id = $1 AND status = 'open'", [
        h.person.id,
      ]),
      1,
    );
    const list1 = json(
      await call("licensing_staff", { method: "GET", url: "/api/v1/enforcement/armed-prohibited", headers: PURPOSE }),
    );
    assert.ok(list1.items.some((x: any) => x.person.id === h.person.id));

    const vac = json(
      await call("court_source", {
        method: "POST",
        url: "/api/v1/feeds/court/records",
        payload: { ...rec, statute: "53a-135", recordState: "vacated" },
      }),
    );
    assert.equal(vac.stored, "correction");
    assert.equal(await eventsInForce(h.person.id), 0);
    assert.equal(
      await count(
        "SELECT count(*) AS n FROM surrender_obligations WHERE person_id = $1 AND status IN ('open','overdue','escalated')",
        [h.person.id],
      ),
      0,
    );
    const list2 = json(
      await call("licensing_staff", { method: "GET", url: "/api/v1/enforcement/armed-prohibited", headers: PURPOSE }),
    );
    assert.ok(!list2.items.some((x: any) => x.person.id === h.person.id));
    const r = (
      await env.services.db.query("SELECT status FROM feed_records WHERE source_record_id = $1", [rec.sourceRecordId])
    )[0]!;
    assert.equal(r.status, "lifted");
    assert.equal(
      await count(
        "SELECT count(*) AS n FROM feed_record_versions v JOIN feed_records f ON f.id = v.feed_record_id WHERE f.source_record_id = $1",
        [rec.sourceRecordId],
      ),
      3,
    );
  });

  test("an expired order is lifted by the sweep", async () => {
    const h = await armedHolder({ firstName: "Order", lastName: "Expiring", birthDate: "1982-02-12" });
    const rec = court.order(sim(h.person), {
      issuedOn: "2026-11-10",
      expiresOn: "2026-11-25",
      ammunitionIndicated: true,
    });
    const r = await receiveRecord(env.ctx("licensing_staff"), "court", rec as any);
    assert.equal(r.status, "matched");
    env.clock.set("2026-11-26" as PlainDate);
    try {
      await runDueJobs(env.services, enforcementModule.jobs!);
      const row = (
        await env.services.db.query("SELECT status FROM feed_records WHERE source_record_id = $1", [rec.sourceRecordId])
      )[0]!;
      assert.equal(row.status, "lifted");
    } finally {
      env.clock.set(TODAY);
    }
  });
});

describe("matching: an uncertain match never revokes or denies", () => {
  test("a nickname goes to review (stand-in matcher); nothing changes until staff decide; then the effects apply, audited", async () => {
    useMatcher(exactMatcher);
    try {
      await nicknameReview();
    } finally {
      useMatcher(identityMatcher);
    }
  });
  const nicknameReview = async () => {
    const h = await armedHolder({ firstName: "Katherine", lastName: "Reviewable", birthDate: "1985-03-14" });
    const rec = court.conviction(sim(h.person), {
      statute: "53a-134",
      offenseOn: "2026-03-02",
      convictionOn: "2026-11-02",
      felony: true,
      noise: { nickname: true },
    });
    assert.equal(rec.subject.firstName, "Kate");
    const r = await receiveRecord(env.ctx("court_source"), "court", rec as any);
    assert.equal(r.status, "review");
    assert.equal(await credStatus(h.credential.id), "active");
    assert.equal(await eventsInForce(h.person.id), 0);
    assert.equal(await count("SELECT count(*) AS n FROM surrender_obligations WHERE person_id = $1", [h.person.id]), 0);

    const item = json(
      await call("licensing_staff", {
        method: "GET",
        url: `/api/v1/enforcement/reviews/${r.reviewId}`,
        headers: PURPOSE,
      }),
    );
    assert.equal(item.candidates[0].person.id, h.person.id);
    assert.ok(item.candidates[0].reasons.length > 0);
    expectStatus(
      await call("law_enforcement", {
        method: "POST",
        url: `/api/v1/enforcement/reviews/${r.reviewId}/decision`,
        payload: { decision: "match", personId: h.person.id },
      }),
      403,
    );
    const bad = await call("licensing_staff", {
      method: "POST",
      url: `/api/v1/enforcement/reviews/${r.reviewId}/decision`,
      payload: { decision: "match" },
    });
    expectStatus(bad, 400);
    assert.ok(bad.body.includes("personId"));
    const d = await call("licensing_staff", {
      method: "POST",
      url: `/api/v1/enforcement/reviews/${r.reviewId}/decision`,
      payload: {
        decision: "match",
        personId: h.person.id,
        note: "same person: Kate is Katherine, same DOB and address",
      },
    });
    expectStatus(d, 200);
    assert.equal(json(d).effects.credentials.filter((c: any) => c.action === "revoked").length, 2);
    assert.equal(await credStatus(h.credential.id), "revoked");
    assert.equal(await credStatus(h.second.id), "revoked");
    assert.equal(
      await count("SELECT count(*) AS n FROM audit_log WHERE action = 'enforcement.match.manual' AND entity_id = $1", [
        r.record.id,
      ]),
      1,
    );
    const again = await call("licensing_staff", {
      method: "POST",
      url: `/api/v1/enforcement/reviews/${r.reviewId}/decision`,
      payload: { decision: "not-a-match" },
    });
    expectStatus(again, 409);
    const log = json(
      await call("auditor", {
        method: "GET",
        url: "/api/v1/enforcement/matches",
        headers: { "stateline-purpose": "audit-review; quarterly review of match decisions" },
      }),
    );
    assert.ok(
      log.items.some(
        (x: any) => x.recordId === r.record.id && x.action === "review-decided" && x.actorRole === "licensing_staff",
      ),
    );
  };

  test("live identity matcher: the same person is matched automatically; another first name goes to review and revokes nothing", async () => {
    const h = await armedHolder({ firstName: "Bartholomew", lastName: "Quimbyfield", birthDate: "1963-07-21" });
    const other = await armedHolder({ firstName: "Evangeline", lastName: "Quimbyfield", birthDate: "1966-02-27" });
    const r = await receiveRecord(
      env.ctx("court_source"),
      "court",
      felony(sim({ ...other.person, firstName: "Rosalind" }), "2026-11-02") as any,
    );
    assert.notEqual(r.status, "matched");
    assert.equal(await credStatus(other.credential.id), "active");
    const m = await receiveRecord(env.ctx("court_source"), "court", felony(sim(h.person), "2026-11-02") as any);
    assert.equal(m.status, "matched");
    assert.equal(m.record.personId, h.person.id);
    assert.equal(await credStatus(h.credential.id), "revoked");
  });

  test("not a match leaves the record unmatched and the person untouched; unknown people are unmatched", async () => {
    const h = await armedHolder({ firstName: "Jonas", lastName: "Sameday", birthDate: "1990-04-04" });
    const r = await receiveRecord(
      env.ctx("court_source"),
      "court",
      felony(sim({ ...h.person, firstName: "Peter" }), "2026-11-02") as any,
    );
    assert.equal(r.status, "review");
    const d = await call("licensing_staff", {
      method: "POST",
      url: `/api/v1/enforcement/reviews/${r.reviewId}/decision`,
      payload: { decision: "not-a-match", note: "different first name and address" },
    });
    expectStatus(d, 200);
    assert.equal(json(d).record.status, "unmatched");
    assert.equal(await credStatus(h.credential.id), "active");
    const u = await receiveRecord(
      env.ctx("court_source"),
      "court",
      felony(sim({ firstName: "Zed", lastName: "Unheardof", birthDate: "1950-01-01" }), "2026-11-02") as any,
    );
    assert.equal(u.status, "unmatched");
    const list = json(
      await call("licensing_staff", { method: "GET", url: "/api/v1/feeds/records?status=unmatched", headers: PURPOSE }),
    );
    assert.ok(list.items.some((x: any) => x.id === u.record.id));
  });
});

describe("reach, the § 34 clock and escalation", () => {
  test("two business days around Thanksgiving: due Monday 30 November, escalated on 1 December, not before", async () => {
    env.clock.set("2026-11-25" as PlainDate);
    try {
      const h = await armedHolder({
        firstName: "Clock",
        lastName: "Watcher",
        birthDate: "1970-10-10",
        town: "Norwich",
      });
      const r = await receiveRecord(env.ctx("court_source"), "court", felony(sim(h.person), "2026-11-25") as any);
      assert.equal(r.effects?.obligation?.dueOn, "2026-11-30");
      assert.equal(r.effects?.obligation?.armed, true);
      const oid = r.effects!.obligation!.id;
      assert.equal(
        await count("SELECT count(*) AS n FROM outbox WHERE person_id = $1 AND template = 'enforcement-obligation'", [
          h.person.id,
        ]),
        1,
      );
      env.clock.set("2026-11-27" as PlainDate);
      await runDueJobs(env.services, enforcementModule.jobs!);
      assert.equal(
        await count(
          "SELECT count(*) AS n FROM outbox WHERE person_id = $1 AND template = 'enforcement-obligation-reminder'",
          [h.person.id],
        ),
        1,
      );
      env.clock.set("2026-11-30" as PlainDate);
      expectStatus(await call("licensing_staff", { method: "POST", url: "/api/v1/enforcement/sweep" }), 200);
      let o = (
        await env.services.db.query("SELECT status, case_id FROM surrender_obligations WHERE id = $1", [oid])
      )[0]!;
      assert.equal(o.status, "open");
      env.clock.set("2026-12-01" as PlainDate);
      expectStatus(await call("licensing_staff", { method: "POST", url: "/api/v1/enforcement/sweep" }), 200);
      o = (
        await env.services.db.query("SELECT status, case_id::text FROM surrender_obligations WHERE id = $1", [oid])
      )[0]!;
      assert.equal(o.status, "escalated");
      assert.equal(
        await count("SELECT count(*) AS n FROM cases WHERE id = $1 AND person_id = $2 AND status = 'open'", [
          o.case_id,
          h.person.id,
        ]),
        1,
      );
      const counts = json(await call("law_enforcement", { method: "GET", url: "/api/v1/enforcement/counts" }));
      assert.ok(counts.byTown.some((t: any) => t.town === "Norwich" && t.escalated === 1));
    } finally {
      env.clock.set(TODAY);
    }
  });

  test("one record revokes two credentials, marks a registration and opens the § 34 obligation, in one call", async () => {
    const h = await armedHolder({
      firstName: "Reach",
      lastName: "Everything",
      birthDate: "1969-06-19",
      town: "Bristol",
    });
    const reg = await env.services.db.query<{ id: string }>(
      `INSERT INTO registrations (kind, number, person_id, status, magazine_count, magazine_capacity, magazine_caliber, holder_first_name, holder_last_name, holder_birth_on, submitted_on)
       VALUES ('lcm-declaration', $1, $2, 'declared', 3, 30, '5.56mm', $3, $4, $5, '2014-01-02') RETURNING id::text`,
      [
        `LCM-${String(Math.floor(Math.random() * 900000) + 100000)}`,
        h.person.id,
        h.person.firstName,
        h.person.lastName,
        h.person.birthDate,
      ],
    );
    const r = await receiveRecord(
      env.ctx("court_source"),
      "court",
      court.order(sim(h.person), {
        issuedOn: "2026-11-19",
        expiresOn: "2027-11-19",
        ammunitionIndicated: true,
        firearmsIndicated: true,
      }) as any,
    );
    assert.equal(r.status, "matched");
    assert.deepEqual(r.effects!.credentials.map((c) => c.action).sort(), ["revoked", "revoked"]);
    assert.equal(r.effects!.registrations.length, 1);
    assert.equal(r.effects!.registrations[0]!.registrationId, reg[0]!.id);
    assert.equal(
      (await env.services.db.query("SELECT status FROM registrations WHERE id = $1", [reg[0]!.id]))[0]!.status,
      "surrender-required",
    );
    assert.equal(r.effects!.possession, "prohibited");
    assert.equal(r.effects!.obligation!.dueOn, "2026-11-23");
    const o = json(
      await call("licensing_staff", {
        method: "GET",
        url: `/api/v1/enforcement/obligations/${r.effects!.obligation!.id}`,
        headers: PURPOSE,
      }),
    );
    assert.equal(o.obligation.holdings.firearms.length, 1);
    assert.equal(o.obligation.holdings.registrations.length, 1);
    assert.equal(o.obligation.holdings.ammunition.rounds, 200);
    assert.deepEqual(o.obligation.covers, ["firearms", "handguns", "ammunition"]);
    assert.deepEqual(o.obligation.holdings.indicated, {
      firearms: true,
      ammunition: true,
      by: `protective order ${r.record.number}`,
    });
  });

  test("§ 36: an order indicating ammunition opens the obligation even when no sale shows any", async () => {
    const p = await holder(env.services.db, TODAY, {
      kind: "long-gun-eligibility-certificate",
      firstName: "Indicated",
      lastName: "Onlybyorder",
      birthDate: "1977-11-11" as PlainDate,
    });
    const r = await receiveRecord(
      env.ctx("court_source"),
      "court",
      court.order(sim(p.person), {
        issuedOn: "2026-11-18",
        ammunitionIndicated: true,
        firearmsIndicated: false,
      }) as any,
    );
    assert.equal(r.status, "matched");
    assert.ok(r.effects!.obligation);
    assert.equal(r.effects!.obligation!.armed, false);
  });

  test("proof of transfer: an ineligible transferee is refused; an eligible one closes the obligation", async () => {
    const h = await armedHolder({ firstName: "Transfer", lastName: "Giver", birthDate: "1972-12-12" });
    const r = await receiveRecord(env.ctx("court_source"), "court", felony(sim(h.person), "2026-11-19") as any);
    const oid = r.effects!.obligation!.id;
    const friend = await holder(env.services.db, TODAY, {
      kind: "handgun-eligibility-certificate",
      firstName: "Eligible",
      lastName: "Friend",
      birthDate: "1980-01-01" as PlainDate,
    });
    const revoked = await holder(env.services.db, TODAY, {
      kind: "handgun-eligibility-certificate",
      firstName: "Revoked",
      lastName: "Friend",
      birthDate: "1980-01-02" as PlainDate,
      status: "revoked",
    });
    const items = [
      { itemKind: "firearm", description: "Glock 19 pistol", serialNumber: "ABC123" },
      { itemKind: "ammunition", description: "9mm", quantity: 200 },
    ];
    const body = (b: typeof friend, final: boolean) => ({
      kind: "transfer",
      transferredOn: "2026-11-20",
      transferee: {
        kind: "person",
        firstName: b.person.firstName,
        lastName: b.person.lastName,
        birthDate: b.person.birthDate,
        credentialNumber: b.credential.number,
      },
      items,
      final,
    });
    let res = await call("law_enforcement", {
      method: "POST",
      url: `/api/v1/enforcement/obligations/${oid}/compliance`,
      payload: body(revoked, true),
    });
    expectStatus(res, 409);
    assert.ok(res.body.includes("transferee.credentialNumber"));
    expectStatus(
      await call("resident", {
        method: "POST",
        url: `/api/v1/enforcement/obligations/${oid}/compliance`,
        payload: body(friend, true),
      }),
      403,
    );
    res = await call("law_enforcement", {
      method: "POST",
      url: `/api/v1/enforcement/obligations/${oid}/compliance`,
      payload: body(friend, true),
    });
    expectStatus(res, 200);
    assert.equal(json(res).obligation.status, "complied");
    assert.equal(json(res).late, false);
    const detail = json(
      await call("licensing_staff", { method: "GET", url: `/api/v1/enforcement/obligations/${oid}`, headers: PURPOSE }),
    );
    assert.deepEqual(
      detail.history.map((x: any) => x.action),
      ["opened", "notice", "transfer", "complied"],
    );
  });

  test("a voluntary admission re-decides the person's open application and reports its status to DMHAS, confidentially (§§ 8, 10-11)", async () => {
    const { submitApplication } = await import("../credentials/service.ts");
    const a = await submitApplication(env.ctx("resident"), {
      credentialKind: "long-gun-eligibility-certificate",
      residenceTown: "Hartford",
      citizenOrLawfulResident: true,
      backgroundCheckConsent: true,
      feePaid: true,
    } as any);
    assert.notEqual(a.application.status, "ineligible");
    const p = env.resident;
    const r = await receiveRecord(
      env.ctx("dmhas_source"),
      "dmhas",
      createDmhasSimulator({ seed: 77 }).admission(sim(p), {
        admittedOn: "2026-11-16",
        solelyAlcoholOrDrug: false,
      }) as any,
    );
    assert.equal(r.status, "matched");
    assert.deepEqual(
      r.effects!.applications.map((x) => [x.number, x.to]),
      [[a.application.number, "ineligible"]],
    );
    const sent = await env.services.db.query(
      "SELECT recipient, person_id, body FROM outbox WHERE template = 'enforcement-dmhas-status-report'",
    );
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.person_id, null);
    assert.match(sent[0]!.recipient, /dmhas/);
    assert.ok(
      sent[0]!.body.includes(`application ${a.application.number}`) &&
        sent[0]!.body.includes("ineligible") &&
        sent[0]!.body.startsWith("CONFIDENTIAL"),
      sent[0]!.body,
    );
  });

  test("a voluntary admission solely for alcohol or drug treatment revokes nothing and opens no obligation", async () => {
    const h = await armedHolder({ firstName: "Alcohol", lastName: "Only", birthDate: "1984-08-08" });
    const r = await receiveRecord(
      env.ctx("dmhas_source"),
      "dmhas",
      createDmhasSimulator({ seed: 21 }).admission(sim(h.person), {
        admittedOn: "2026-11-10",
        solelyAlcoholOrDrug: true,
      }) as any,
    );
    assert.equal(r.status, "matched");
    assert.equal(r.effects?.possession, "not-prohibited");
    assert.equal(r.effects?.obligation, null);
    assert.equal(await credStatus(h.credential.id), "active");
  });
});

describe("seizures", () => {
  test("risk warrant seizure: inventory, hearing, forfeiture, auction needs an eligible buyer, stolen ammunition back to its owner", async () => {
    const h = await armedHolder({ firstName: "Seized", lastName: "Fromhome", birthDate: "1975-05-15" });
    const body = {
      basis: "risk-warrant",
      seizedOn: "2026-11-18",
      agency: "Hartford Police Department",
      personId: h.person.id,
      items: [
        { itemKind: "firearm", description: "Glock 19", serialNumber: "GL19-1" },
        {
          itemKind: "ammunition",
          description: "9mm FMJ",
          quantity: 150,
          stolen: true,
          rightfulOwner: "Arms Depot LLC",
        },
      ],
    };
    expectStatus(
      await call("court_source", { method: "POST", url: "/api/v1/enforcement/seizures", payload: body }),
      403,
    );
    const bad = await call("law_enforcement", {
      method: "POST",
      url: "/api/v1/enforcement/seizures",
      payload: { ...body, items: [{ itemKind: "firearm", description: "two rifles", quantity: 2 }] },
    });
    expectStatus(bad, 400);
    assert.ok(bad.body.includes("items.0.quantity"));
    const s = json(
      await call("law_enforcement", { method: "POST", url: "/api/v1/enforcement/seizures", payload: body }),
    ).seizure;
    assert.equal(s.hearingDueOn, "2026-12-02");
    const step = (payload: unknown) =>
      call("law_enforcement", { method: "POST", url: `/api/v1/enforcement/seizures/${s.id}/actions`, payload });
    expectStatus(await step({ action: "destroy", on: "2026-11-20" }), 409);
    expectStatus(await step({ action: "schedule-hearing", hearingOn: "2026-11-30" }), 200);
    expectStatus(await step({ action: "record-outcome", outcome: "hold", heldUntil: "2028-01-01" }), 400);
    expectStatus(await step({ action: "record-outcome", outcome: "forfeit" }), 200);
    const ammo = s.items.find((i: any) => i.itemKind === "ammunition");
    expectStatus(
      await step({ action: "return-stolen", itemId: ammo.id, on: "2026-11-20", owner: "Arms Depot LLC" }),
      200,
    );
    const auction = await step({ action: "auction", on: "2026-11-20" });
    expectStatus(auction, 400);
    assert.ok(auction.body.includes("buyerCredentialNumber"));
    expectStatus(await step({ action: "destroy", on: "2026-11-20" }), 200);
    const detail = json(
      await call("licensing_staff", { method: "GET", url: `/api/v1/enforcement/seizures/${s.id}`, headers: PURPOSE }),
    );
    assert.equal(detail.seizure.status, "destroyed");
    assert.deepEqual(
      detail.history.map((x: any) => x.action),
      ["seized", "schedule-hearing", "record-outcome", "return-stolen", "destroy"],
    );
  });
});

describe("pages", () => {
  test("staff see the review queue behind a purpose, decide a review side by side, and see the person's record; an auditor sees the match log", async () => {
    useMatcher(exactMatcher);
    try {
      await pagesFlow();
    } finally {
      useMatcher(identityMatcher);
    }
  });
  const pagesFlow = async () => {
    const h = await armedHolder({ firstName: "Margaret", lastName: "Pagesworth", birthDate: "1968-12-01" });
    const r = await receiveRecord(
      env.ctx("court_source"),
      "court",
      court.conviction(sim(h.person), {
        statute: "53a-134",
        offenseOn: "2026-03-02",
        convictionOn: "2026-11-02",
        felony: true,
        noise: { nickname: true },
      }) as any,
    );
    assert.equal(r.status, "review");
    const gateRes = await call("licensing_staff", {
      method: "GET",
      url: "/enforcement/reviews",
      headers: { accept: "text/html" },
    });
    expectStatus(gateRes, 200);
    assert.ok(gateRes.body.includes("purposeText"));
    const short = await call("licensing_staff", {
      method: "POST",
      url: "/enforcement/reviews",
      payload: "purposeCode=licensing-review&purposeText=x",
      headers: FORM,
    });
    expectStatus(short, 400);
    const q = await call("licensing_staff", {
      method: "POST",
      url: "/enforcement/reviews",
      payload: FORM_PURPOSE,
      headers: FORM,
    });
    expectStatus(q, 200);
    assert.ok(q.body.includes(r.record.number));
    const item = await call("licensing_staff", {
      method: "POST",
      url: `/enforcement/reviews/${r.reviewId}`,
      payload: FORM_PURPOSE,
      headers: FORM,
    });
    expectStatus(item, 200);
    assert.ok(item.body.includes("Peggy") && item.body.includes("Margaret"));
    const none = await call("licensing_staff", {
      method: "POST",
      url: `/enforcement/reviews/${r.reviewId}/decision`,
      payload: FORM_PURPOSE,
      headers: FORM,
    });
    expectStatus(none, 400);
    const done = await call("licensing_staff", {
      method: "POST",
      url: `/enforcement/reviews/${r.reviewId}/decision`,
      payload: `${FORM_PURPOSE}&choice=${h.person.id}&note=same+address`,
      headers: FORM,
    });
    expectStatus(done, 200);
    assert.ok(done.body.includes("2 credentials revoked"), done.body.slice(0, 2000));
    const person = await call("law_enforcement", {
      method: "POST",
      url: `/enforcement/people/${h.person.id}`,
      payload: FORM_PURPOSE,
      headers: FORM,
    });
    expectStatus(person, 200);
    assert.ok(person.body.includes("review-decided") && person.body.includes("Test licensing_staff"));
    const list = await call("law_enforcement", {
      method: "POST",
      url: "/enforcement/armed-prohibited",
      payload: FORM_PURPOSE,
      headers: FORM,
    });
    expectStatus(list, 200);
    assert.ok(list.body.includes("Pagesworth"));
    const log = await call("auditor", {
      method: "POST",
      url: "/enforcement/matches",
      payload: "purposeCode=audit-review&purposeText=quarterly+review+of+matches",
      headers: FORM,
    });
    expectStatus(log, 200);
    assert.ok(log.body.includes(r.record.number));
    expectStatus(
      await call("resident", {
        method: "POST",
        url: "/enforcement/armed-prohibited",
        payload: FORM_PURPOSE,
        headers: FORM,
      }),
      403,
    );
  };

  test("obligation page: proof of transfer through the form", async () => {
    const h = await armedHolder({ firstName: "Form", lastName: "Transferor", birthDate: "1971-01-21" });
    const r = await receiveRecord(env.ctx("court_source"), "court", felony(sim(h.person), "2026-11-19") as any);
    const oid = r.effects!.obligation!.id;
    const friend = await holder(env.services.db, TODAY, {
      kind: "handgun-eligibility-certificate",
      firstName: "Page",
      lastName: "Receiver",
      birthDate: "1981-01-01" as PlainDate,
    });
    const page = await call("law_enforcement", {
      method: "POST",
      url: `/enforcement/obligations/${oid}`,
      payload: FORM_PURPOSE,
      headers: FORM,
    });
    expectStatus(page, 200);
    assert.ok(page.body.includes("Record proof of transfer"));
    const bad = await call("law_enforcement", {
      method: "POST",
      url: `/enforcement/obligations/${oid}/compliance`,
      payload: `${FORM_PURPOSE}&kind=transfer&transferredOn=2026-11-20&items=Glock+19&final=yes`,
      headers: FORM,
    });
    expectStatus(bad, 400);
    const ok = await call("law_enforcement", {
      method: "POST",
      url: `/enforcement/obligations/${oid}/compliance`,
      headers: FORM,
      payload: `${FORM_PURPOSE}&kind=transfer&transferredOn=2026-11-20&transfereeFirstName=Page&transfereeLastName=Receiver&transfereeBirthDate=1981-01-01&transfereeCredential=${friend.credential.number}&items=Glock+19%0Aammunition+200+rounds&final=yes`,
    });
    expectStatus(ok, 200);
    assert.ok(ok.body.includes("Transfer recorded"));
    assert.equal(
      (await env.services.db.query("SELECT status FROM surrender_obligations WHERE id = $1", [oid]))[0]!.status,
      "complied",
    );
  });
});

describe("demo seed", () => {
  test("seedEnforcement runs through the simulators and leaves a matched, a reviewed and an unmatched record", async () => {
    const ctx = env.ctx("licensing_staff");
    // The holders the seed picks: credential holders (the earlier tests made plenty).
    const r = await (await import("./seed.ts")).seedEnforcement(ctx);
    assert.ok(r.records! >= 3, JSON.stringify(r));
    const again = await (await import("./seed.ts")).seedEnforcement(ctx);
    assert.deepEqual(again, { skipped: 1 });
  });
});
