/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * The lead detectors on crafted histories (each raises its lead, with its
 * reason and evidence, on a suspicious history and nothing on a normal one),
 * the run after each sale, the sweep and its de-duplication, investigators'
 * actions (dismiss, open a case) and who may see leads at all.
 *
 * Each detector's history sits in its own stretch of dates, swept "as of" a
 * day in that stretch, so the detectors do not see one another's data.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, count, expectProblem, expectStatus, json, type Call } from "../../../test/api/support.ts";
import { type PlainDate, addDays } from "../../law/core/dates.ts";
import type { Dealer } from "../dealers/service.ts";
import {
  addCredential,
  buy,
  holder,
  registerSeller,
  seedFirearmSale,
  seedSale,
  setupSellers,
  type Holder,
} from "../ammunition/testkit.ts";
import { DETECTORS, type DetectorId, clusters } from "./detectors.ts";
import { computeBaseline, detectForPerson, runLeadSweep } from "./service.ts";
import { mean, percentile, sd } from "./stats.ts";

const TODAY = "2026-11-20" as PlainDate;
const d = (s: string) => s as PlainDate;

let env: TestEnv;
let call: Call;
let v1: Dealer, v2: Dealer, v3: Dealer, gun1: Dealer, gun2: Dealer;

before(async () => {
  env = await createTestEnv({ today: TODAY });
  call = caller(env);
  await setupSellers(env);
  v1 = await registerSeller(env, "ammunition-vendor", "Hartford");
  v2 = await registerSeller(env, "ammunition-vendor", "Bristol");
  v3 = await registerSeller(env, "ammunition-vendor", "Norwich");
  gun1 = await registerSeller(env, "firearm-dealer", "Hartford");
  gun2 = await registerSeller(env, "firearm-dealer", "Enfield");
});
after(async () => {
  await env.close();
});

const person = (opts: Parameters<typeof holder>[2] = {}) => holder(env.services.db, TODAY, opts);
const sale = (h: Holder, on: string, rounds = 100, dealer: Dealer = v1) =>
  seedSale(env.services.db, {
    personId: h.person.id,
    credentialId: h.credential.id,
    dealerId: dealer.id,
    on: d(on),
    rounds,
  });
const ctx = () => env.ctx("law_enforcement");
const leadsOf = async (h: Holder, detector?: DetectorId) =>
  env.services.db.query(
    "SELECT id::text, detector, reason, evidence, window_start, window_end, raised_by, status FROM leads WHERE person_id = $1 AND ($2::text IS NULL OR detector = $2) ORDER BY number",
    [h.person.id, detector ?? null],
  );
/** Runs one detector for one person as of a day, inside a transaction, and returns the new lead ids. */
const examine = (h: Holder, detector: DetectorId, on: string) =>
  env.services.db.tx(async (q) =>
    detectForPerson(ctx(), q, { personId: h.person.id, on: d(on), detectors: [detector], raisedBy: "sweep" }),
  );

describe("statistics and windows (pure)", () => {
  test("mean, standard deviation, percentile", () => {
    assert.equal(mean([1, 2, 3, 4]), 2.5);
    assert.equal(sd([2, 4, 4, 4, 5, 5, 7, 9]), 2);
    assert.equal(percentile([1, 2, 3, 4, 5], 0.5), 3);
    assert.equal(percentile([10, 20], 0.99), 19.9);
    assert.equal(sd([5]), 0);
  });

  test("clusters merge overlapping qualifying windows", () => {
    const items = ["2026-01-01", "2026-01-03", "2026-01-05", "2026-01-20", "2026-01-21"].map((on, i) => ({
      on: d(on),
      i,
    }));
    const c = clusters(items, 7, (w) => w.length >= 2);
    assert.deepEqual(
      c.map((x) => x.map((y) => y.i)),
      [
        [0, 1, 2],
        [3, 4],
      ],
    );
    assert.deepEqual(
      clusters(items, 1, (w) => w.length >= 2),
      [],
    );
  });
});

describe("volume far above the person's own history", () => {
  test("a buyer of about 100 rounds a month who buys 1,500 in 30 days raises a lead; a steady heavy buyer does not", async () => {
    const on = "2026-09-30";
    const spike = await person(),
      steady = await person();
    for (let i = 1; i <= 12; i++) {
      await sale(spike, addDays(d(on), -29 - 30 * i + 10), 100);
      await sale(steady, addDays(d(on), -29 - 30 * i + 10), 1200);
    }
    await sale(spike, addDays(d(on), -3), 1000);
    await sale(spike, on, 500);
    await sale(steady, on, 1300);
    assert.equal((await examine(spike, "volume-personal", on)).length, 1);
    assert.equal(
      (await examine(steady, "volume-personal", on)).length,
      0,
      "1,300 against a steady 1,200 is not far above",
    );
    const [lead] = await leadsOf(spike, "volume-personal");
    assert.match(lead!.reason, /bought 1500 rounds in the 30 days 2026-09-01 to 2026-09-30/);
    assert.match(lead!.reason, /averaged 100 rounds/);
    assert.equal(lead!.evidence.ammunitionSaleIds.length, 2);
    assert.equal(lead!.evidence.rounds, 1500);
  });

  test("a newcomer without history is left to the population detector", async () => {
    const h = await person();
    await sale(h, "2026-09-30", 5000);
    assert.equal((await examine(h, "volume-personal", "2026-09-30")).length, 0);
  });
});

describe("volume far above the population's", () => {
  test("one buyer far above 35 ordinary ones raises a lead in the sweep; the ordinary ones do not", async () => {
    const on = "2025-05-15";
    const ordinary: Holder[] = [];
    for (let i = 0; i < 35; i++) {
      const h = await person();
      ordinary.push(h);
      await sale(h, addDays(d(on), -(i % 20)), 100 + 5 * i);
    }
    const heavy = await person();
    await sale(heavy, addDays(d(on), -4), 3000);
    await sale(heavy, on, 2000, v2);
    const r = await runLeadSweep(ctx(), { on: d(on) });
    assert.equal(r.baseline.population, 36);
    assert.ok(r.raised["volume-population"]! >= 1);
    const [lead] = await leadsOf(heavy, "volume-population");
    assert.ok(lead, "the heavy buyer has a lead");
    assert.match(lead!.reason, /bought 5000 rounds/);
    assert.match(lead!.reason, /among the 36 buyers/);
    assert.equal(lead!.raised_by, "sweep");
    assert.equal(lead!.evidence.baseline.population, 36);
    for (const h of ordinary) assert.equal((await leadsOf(h)).length, 0);
    assert.equal(await count(env, "lead_baselines WHERE computed_on = $1", [on]), 1);
  });

  test("with too few buyers in the baseline nothing is compared", async () => {
    const on = "2026-01-15";
    const h = await person();
    await sale(h, on, 9000);
    await env.services.db.tx((q) => computeBaseline(q, d(on)));
    assert.equal((await examine(h, "volume-population", on)).length, 0);
  });
});

describe("purchases across many sellers in a short window", () => {
  test("three sellers within seven days raise a lead; three sellers over three weeks do not", async () => {
    const on = "2026-05-20";
    const fast = await person(),
      slow = await person();
    await sale(fast, "2026-05-14", 100, v1);
    await sale(fast, "2026-05-17", 100, v2);
    await sale(fast, on, 100, v3);
    await sale(slow, "2026-04-29", 100, v1);
    await sale(slow, "2026-05-09", 100, v2);
    await sale(slow, on, 100, v3);
    assert.equal((await examine(fast, "many-vendors", on)).length, 1);
    assert.equal((await examine(slow, "many-vendors", on)).length, 0);
    const [lead] = await leadsOf(fast, "many-vendors");
    assert.match(lead!.reason, /bought from 3 different sellers between 2026-05-14 and 2026-05-20/);
    assert.deepEqual([...lead!.evidence.dealerIds].sort(), [v1.id, v2.id, v3.id].sort());
    assert.equal(lead!.window_start, "2026-05-14");
  });

  test("raised by the run after a sale recorded through the API, and never shown to the seller", async () => {
    const h = await person();
    await sale(h, addDays(TODAY, -2), 100, v1);
    await sale(h, addDays(TODAY, -1), 100, v2);
    const { sale: recorded } = await buy(call, "ammunition_vendor", h, [{ type: "centerfire-pistol", quantity: 50 }]);
    assert.doesNotMatch(JSON.stringify(recorded), /lead/i);
    const [lead] = await leadsOf(h, "many-vendors");
    assert.ok(lead);
    assert.equal(lead!.raised_by, "sale");
    assert.ok(lead!.evidence.ammunitionSaleIds.includes(recorded.id));
    assert.equal(
      await count(env, "audit_log WHERE action = 'lead.raise' AND entity_id = $1 AND actor_id IS NULL", [lead!.id]),
      1,
      "raised by the system, not the clerk",
    );
  });
});

describe("purchases near a prohibiting event or a revocation", () => {
  test("a purchase ten days before a conviction raises a lead; one sixty days before does not", async () => {
    const on = "2026-07-10";
    const near = await person(),
      far = await person();
    await sale(near, "2026-06-28", 400);
    await sale(far, "2026-05-06", 400);
    for (const h of [near, far]) {
      await env.services.db.query(
        "INSERT INTO prohibiting_events (person_id, kind, event_on, felony, source) VALUES ($1,'conviction','2026-07-08',true,'Superior Court')",
        [h.person.id],
      );
    }
    const r = await runLeadSweep(ctx(), { on: d(on) });
    assert.ok(r.raised["near-prohibiting-event"]! >= 1);
    const [lead] = await leadsOf(near, "near-prohibiting-event");
    assert.match(lead!.reason, /near a conviction on 2026-07-08: 1 in the 30 days before/);
    assert.ok(lead!.evidence.trigger.prohibitingEventId);
    assert.equal((await leadsOf(far, "near-prohibiting-event")).length, 0);
  });

  test("a purchase after a revocation (on another credential) raises a lead", async () => {
    const on = "2026-08-20";
    const h = await person();
    await env.services.db.query("UPDATE credentials SET status = 'revoked', revoked_on = '2026-08-15' WHERE id = $1", [
      h.credential.id,
    ]);
    const other = await addCredential(env.services.db, TODAY, h.person.id, "ammunition-certificate");
    await seedSale(env.services.db, {
      personId: h.person.id,
      credentialId: other.id,
      dealerId: v2.id,
      on: d(on),
      rounds: 200,
    });
    assert.equal((await examine(h, "near-prohibiting-event", on)).length, 1);
    const [lead] = await leadsOf(h, "near-prohibiting-event");
    assert.match(lead!.reason, /revocation of a long-gun-eligibility-certificate on 2026-08-15: 1 on or after it/);
    assert.equal(lead!.evidence.trigger.credentialId, h.credential.id);
  });
});

describe("firearm sales (table `sales` of migration 005)", () => {
  test("two handguns within five business days (Thanksgiving not counted) raise a lead; a day later, or long guns, do not", async () => {
    const two = await person(),
      spread = await person(),
      rifles = await person();
    await seedFirearmSale(env.services.db, {
      personId: two.person.id,
      dealerId: gun1.id,
      on: d("2025-11-26"),
      handgun: true,
      status: "proceeded",
    });
    await seedFirearmSale(env.services.db, {
      personId: two.person.id,
      dealerId: gun2.id,
      on: d("2025-12-04"),
      handgun: true,
      status: "authorized",
    });
    await seedFirearmSale(env.services.db, {
      personId: spread.person.id,
      dealerId: gun1.id,
      on: d("2025-11-26"),
      handgun: true,
      status: "proceeded",
    });
    await seedFirearmSale(env.services.db, {
      personId: spread.person.id,
      dealerId: gun1.id,
      on: d("2025-12-05"),
      handgun: true,
      status: "proceeded",
    });
    await seedFirearmSale(env.services.db, {
      personId: rifles.person.id,
      dealerId: gun1.id,
      on: d("2025-12-01"),
      handgun: false,
      status: "proceeded",
    });
    await seedFirearmSale(env.services.db, {
      personId: rifles.person.id,
      dealerId: gun1.id,
      on: d("2025-12-02"),
      handgun: false,
      status: "proceeded",
    });
    const r = await runLeadSweep(ctx(), { on: d("2025-12-05") });
    assert.deepEqual(r.unavailable, []);
    const [lead] = await leadsOf(two, "multiple-handguns");
    assert.ok(lead, "two handguns within five business days");
    assert.match(
      lead!.reason,
      /2 handguns transferred to one buyer between 2025-11-26 and 2025-12-04, within 5 business days \(through 2025-12-04\), from 2 dealers/,
    );
    assert.equal(lead!.evidence.firearmSaleIds.length, 2);
    assert.equal((await leadsOf(spread, "multiple-handguns")).length, 0, "2025-12-05 is the sixth business day");
    assert.equal((await leadsOf(rifles)).length, 0);
  });

  test("delayed or denied attempts at two dealers raise a lead; denials at one dealer, or waiting periods, do not", async () => {
    const shopper = await person(),
      oneShop = await person(),
      waiting = await person();
    await seedFirearmSale(env.services.db, {
      personId: shopper.person.id,
      dealerId: gun1.id,
      on: d("2025-09-10"),
      handgun: true,
      status: "denied",
    });
    await seedFirearmSale(env.services.db, {
      personId: shopper.person.id,
      dealerId: gun2.id,
      on: d("2025-09-20"),
      handgun: false,
      status: "delayed",
      delayReason: "nics-delayed",
    });
    await seedFirearmSale(env.services.db, {
      personId: oneShop.person.id,
      dealerId: gun1.id,
      on: d("2025-09-10"),
      handgun: true,
      status: "denied",
    });
    await seedFirearmSale(env.services.db, {
      personId: oneShop.person.id,
      dealerId: gun1.id,
      on: d("2025-09-12"),
      handgun: true,
      status: "denied",
    });
    await seedFirearmSale(env.services.db, {
      personId: waiting.person.id,
      dealerId: gun1.id,
      on: d("2025-09-10"),
      handgun: false,
      status: "delayed",
      delayReason: "waiting-period",
    });
    await seedFirearmSale(env.services.db, {
      personId: waiting.person.id,
      dealerId: gun2.id,
      on: d("2025-09-12"),
      handgun: false,
      status: "delayed",
      delayReason: "waiting-period",
    });
    await runLeadSweep(ctx(), { on: d("2025-09-20") });
    const [lead] = await leadsOf(shopper, "repeated-denials");
    assert.ok(lead);
    assert.match(
      lead!.reason,
      /2 firearm purchase attempts delayed or denied at 2 different dealers between 2025-09-10 and 2025-09-20/,
    );
    assert.equal((await leadsOf(oneShop)).length, 0);
    assert.equal((await leadsOf(waiting)).length, 0);
  });
});

describe("de-duplication", () => {
  test("a second sweep, or a later run over an overlapping window, raises nothing new", async () => {
    const on = "2026-05-20";
    const first = await runLeadSweep(ctx(), { on: d(on) });
    const again = await runLeadSweep(ctx(), { on: d(on) });
    assert.ok(
      Object.values(again.raised).every((n) => n === 0),
      JSON.stringify({ first: first.raised, again: again.raised }),
    );
    const h = await person();
    await sale(h, "2026-04-01", 100, v1);
    await sale(h, "2026-04-02", 100, v2);
    await sale(h, "2026-04-03", 100, v3);
    assert.equal((await examine(h, "many-vendors", "2026-04-03")).length, 1);
    await sale(h, "2026-04-05", 100, v1);
    assert.equal(
      (await examine(h, "many-vendors", "2026-04-05")).length,
      0,
      "the burst continues: the same lead covers it",
    );
    assert.equal((await leadsOf(h)).length, 1);
  });
});

describe("investigators' actions and who sees leads", () => {
  let a: Holder;
  let leadA: string, leadB: string;
  before(async () => {
    a = await person({ lastName: "Leadperson" });
    await sale(a, "2026-02-02", 100, v1);
    await sale(a, "2026-02-03", 100, v2);
    await sale(a, "2026-02-04", 100, v3);
    await env.services.db.query(
      "INSERT INTO prohibiting_events (person_id, kind, event_on, source) VALUES ($1,'protective-order','2026-02-10','Superior Court')",
      [a.person.id],
    );
    await runLeadSweep(ctx(), { on: d("2026-02-10") });
    const rows = await leadsOf(a);
    assert.deepEqual(rows.map((r) => r.detector).sort(), ["many-vendors", "near-prohibiting-event"]);
    leadA = rows[0]!.id;
    leadB = rows[1]!.id;
  });

  test("nobody but law enforcement and licensing staff sees or acts on leads", async () => {
    for (const who of ["dealer", "ammunition_vendor", "resident", "auditor", "admin"] as const) {
      expectProblem(await call(who, { method: "GET", url: "/api/v1/leads?purpose=curious%20about%20it" }), 403);
      expectProblem(
        await call(who, { method: "GET", url: `/api/v1/leads/${leadA}?purpose=curious%20about%20it` }),
        403,
      );
      expectProblem(
        await call(who, {
          method: "POST",
          url: `/api/v1/leads/${leadA}/dismiss`,
          payload: { reason: "not my business" },
        }),
        403,
      );
      expectProblem(await call(who, { method: "POST", url: `/api/v1/leads/${leadA}/open-case`, payload: {} }), 403);
    }
    expectProblem(await call(null, { method: "GET", url: "/api/v1/leads" }), 401);
    for (const who of ["dealer", "ammunition_vendor", "resident", "auditor"] as const)
      expectProblem(await call(who, { method: "POST", url: "/api/v1/leads/sweep", payload: {} }), 403);
    const sweep = await call("admin", { method: "POST", url: "/api/v1/leads/sweep", payload: {} });
    expectStatus(sweep, 200);
    assert.doesNotMatch(sweep.body, /Leadperson|reason/);
    expectProblem(
      await call("admin", { method: "POST", url: "/api/v1/leads/sweep", payload: { on: addDays(TODAY, 1) } }),
      400,
      "on",
    );
    expectProblem(
      await call("admin", { method: "POST", url: "/api/v1/leads/sweep", payload: { on: "0001-01-01" } }),
      400,
      "on",
    );
    assert.equal(await count(env, "leads WHERE status <> 'open' AND person_id = $1", [a.person.id]), 0);
  });

  test("listing and reading need a purpose, which is audited", async () => {
    expectProblem(await call("law_enforcement", { method: "GET", url: "/api/v1/leads" }), 400, "query.purpose");
    const list = json(
      await call("law_enforcement", {
        method: "GET",
        url: `/api/v1/leads?personId=${a.person.id}&purpose=trafficking%20task%20force`,
      }),
    );
    assert.equal(list.total, 2);
    assert.equal(list.items[0].person.lastName, "Leadperson");
    assert.ok(list.items.every((l: any) => l.reason && l.window.start && !("evidence" in l)));
    const one = json(await call("licensing_staff", { method: "GET", url: `/api/v1/leads/${leadA}?purpose=review` }));
    assert.ok(one.lead.evidence);
    assert.deepEqual(one.next, ["dismiss", "open-case"]);
    assert.equal(one.history[0].action, "raise");
    assert.equal(
      await count(env, "audit_log WHERE action = 'lead.read' AND entity_id = $1 AND purpose = 'review'", [leadA]),
      1,
    );
    assert.equal(await count(env, "audit_log WHERE action = 'leads.read' AND purpose = 'trafficking task force'"), 1);
    // The Stateline-Purpose header keeps the purpose out of the URL; a malformed one is named.
    const viaHeader = await call("licensing_staff", {
      method: "GET",
      url: `/api/v1/leads/${leadA}`,
      headers: { "stateline-purpose": "criminal-investigation; header purpose for lead A" },
    });
    expectStatus(viaHeader, 200);
    assert.equal(
      await count(
        env,
        "audit_log WHERE action = 'lead.read' AND entity_id = $1 AND purpose = 'criminal-investigation: header purpose for lead A'",
        [leadA],
      ),
      1,
    );
    expectProblem(
      await call("licensing_staff", {
        method: "GET",
        url: `/api/v1/leads/${leadA}`,
        headers: { "stateline-purpose": "guessing; because" },
      }),
      400,
      "header.stateline-purpose",
    );
    expectProblem(
      await call("law_enforcement", { method: "GET", url: "/api/v1/leads?detector=gut-feeling&purpose=abc" }),
      400,
      "query.detector",
    );
  });

  test("dismiss with a reason; a dismissed lead cannot be dismissed again or made a case", async () => {
    expectProblem(
      await call("law_enforcement", {
        method: "POST",
        url: `/api/v1/leads/${leadA}/dismiss`,
        payload: { reason: "no" },
      }),
      400,
      "reason",
    );
    const r = await call("law_enforcement", {
      method: "POST",
      url: `/api/v1/leads/${leadA}/dismiss`,
      payload: { reason: "three club matches that week; confirmed with the club" },
    });
    expectStatus(r, 200);
    assert.equal(json(r).lead.status, "dismissed");
    expectProblem(
      await call("law_enforcement", {
        method: "POST",
        url: `/api/v1/leads/${leadA}/dismiss`,
        payload: { reason: "again and again" },
      }),
      409,
    );
    expectProblem(
      await call("law_enforcement", { method: "POST", url: `/api/v1/leads/${leadA}/open-case`, payload: {} }),
      409,
    );
    const hist = await env.services.db.query(
      "SELECT action, note, at FROM lead_actions WHERE lead_id = $1 ORDER BY id",
      [leadA],
    );
    assert.deepEqual(
      hist.map((x) => x.action),
      ["raise", "dismiss"],
    );
    assert.match(hist[1]!.note, /club matches/);
    // Timestamps come from the application's clock (as every record's), not the database's.
    for (const h of hist) assert.equal(String(h.at).slice(0, 10), env.clock.today(), `${h.action} at ${h.at}`);
  });

  test("open a case from a lead; add another lead of the same person to it; not a lead of someone else", async () => {
    const r = await call("licensing_staff", {
      method: "POST",
      url: `/api/v1/leads/${leadB}/open-case`,
      payload: { note: "purchases days before the order" },
    });
    expectStatus(r, 201);
    const c = json(r).case;
    assert.equal(json(r).lead.status, "case-opened");
    assert.equal(c.status, "open");
    assert.match(c.number, /^C-\d+$/);
    // Another lead of the same person (crafted) joins the case; a lead of someone else does not.
    const b = await person();
    await sale(b, "2026-02-02", 100, v1);
    await sale(b, "2026-02-03", 100, v2);
    await sale(b, "2026-02-04", 100, v3);
    await examine(b, "many-vendors", "2026-02-04");
    const [other] = await leadsOf(b);
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/leads/${other!.id}/open-case`,
        payload: { caseId: c.id },
      }),
      400,
      "caseId",
    );
    await sale(a, "2026-06-01", 100, v1);
    await sale(a, "2026-06-02", 100, v2);
    await sale(a, "2026-06-03", 100, v3);
    await examine(a, "many-vendors", "2026-06-03");
    const later = (await leadsOf(a, "many-vendors")).find((l) => l.window_start === "2026-06-01")!;
    const added = await call("law_enforcement", {
      method: "POST",
      url: `/api/v1/leads/${later.id}/open-case`,
      payload: { caseId: c.id, note: "same pattern again" },
    });
    expectStatus(added, 201);
    assert.equal(json(added).case.id, c.id);
    const got = json(
      await call("law_enforcement", { method: "GET", url: `/api/v1/cases/${c.id}?purpose=case%20review` }),
    );
    assert.deepEqual(
      got.actions.map((x: any) => x.action),
      ["open", "add-lead", "add-lead"],
    );
    assert.equal(got.leads.length, 2);
    assert.equal(got.person.lastName, "Leadperson");
    for (const who of ["dealer", "ammunition_vendor", "resident", "auditor", "admin"] as const)
      expectProblem(await call(who, { method: "GET", url: `/api/v1/cases/${c.id}?purpose=x%20y%20z` }), 403);
    expectProblem(await call("law_enforcement", { method: "GET", url: `/api/v1/cases/${c.id}` }), 400, "query.purpose");
  });
});

describe("when the firearm sales table is not there", () => {
  test("the firearm detectors say they are unavailable and the others still run", async () => {
    await env.services.db.query("ALTER TABLE sales RENAME TO sales_hidden_for_test");
    try {
      const r = await runLeadSweep(ctx(), { on: TODAY });
      assert.deepEqual(
        r.unavailable.map((u) => u.detector),
        ["multiple-handguns", "repeated-denials", "duplicate-serial"],
      );
      assert.ok("many-vendors" in r.examined);
    } finally {
      await env.services.db.query("ALTER TABLE sales_hidden_for_test RENAME TO sales");
    }
    assert.deepEqual(
      DETECTORS.map((x) => x.id),
      [
        "volume-personal",
        "volume-population",
        "many-vendors",
        "near-prohibiting-event",
        "multiple-handguns",
        "repeated-denials",
        "duplicate-serial",
      ],
    );
  });
});
