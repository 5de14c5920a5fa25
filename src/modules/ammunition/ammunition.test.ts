/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * Ammunition checks and sales through the HTTP API, on PGlite (or PostgreSQL
 * with DATABASE_URL): the law's outcomes (credential, ammunition certificate
 * with or without photo identification showing the date of birth, under 18,
 * magazines), mismatches sent to review, the limit on and off by rolling 30
 * days and by calendar month with its policy citation, sale records and their
 * idempotency, what each seller sees, reports, and malformed input.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, count, expectProblem, expectStatus, json, type Call } from "../../../test/api/support.ts";
import { type PlainDate, addDays } from "../../law/core/dates.ts";
import {
  LICENCE_PHOTO_ID,
  addCredential,
  buy,
  checkBody,
  holder,
  saleLines,
  sellerWithLogin,
  setupSellers,
  type Holder,
  type Sellers,
} from "./testkit.ts";
import { matchRecord, normalizeCredentialNumber, normalizeStreet } from "./matching.ts";

const TODAY = "2026-11-20" as PlainDate;

let env: TestEnv;
let call: Call;
let sellers: Sellers;

before(async () => {
  env = await createTestEnv({ today: TODAY });
  call = caller(env);
  sellers = await setupSellers(env);
});
after(async () => {
  await env.close();
});

const check = async (payload: unknown, who: any = "ammunition_vendor") =>
  call(who, { method: "POST", url: "/api/v1/ammunition/checks", payload });
const finding = (body: any, id: string) => body.findings.find((f: any) => f.id === id);
const today = () => env.clock.today();
const setLimit = async (settings: Record<string, unknown>, note = "test setting") => {
  const r = await call("admin", {
    method: "PUT",
    url: "/api/v1/policies/ammunition-limit",
    payload: { settings, note },
  });
  expectStatus(r, 200, "set limit");
  return json(r).setting;
};

describe("matching (pure)", () => {
  test("names, streets and numbers are compared after normalizing", () => {
    assert.equal(normalizeCredentialNumber(" le1000001"), "LE-1000001");
    assert.equal(normalizeStreet("12 Oak Road."), normalizeStreet("12 oak rd"));
    const rec = {
      credentialNumber: "LE-1",
      lastName: "O'Brien",
      birthDate: "1980-01-01" as PlainDate,
      street: "12 Oak Road",
      town: "Stamford",
      zip: "06901",
    };
    assert.equal(
      matchRecord(
        {
          credentialNumber: "LE-1",
          lastName: "obrien",
          birthDate: "1980-01-01" as PlainDate,
          address: { street: "12 Oak Rd", town: "stamford" },
        },
        rec,
      ).findings[0]!.status,
      "met",
    );
    const moved = matchRecord(
      {
        credentialNumber: "LE-1",
        lastName: "OBrien",
        birthDate: "1980-01-01" as PlainDate,
        address: { town: "Hartford" },
      },
      rec,
    );
    assert.equal(moved.matched, true);
    assert.equal(moved.findings[0]!.status, "unknown");
    assert.match(moved.findings[0]!.remedy!, /reports the current address/);
    assert.equal(
      matchRecord({ credentialNumber: "LE-1", lastName: "Smith", birthDate: "1980-01-01" as PlainDate }, rec).matched,
      false,
    );
    assert.equal(
      matchRecord({ credentialNumber: "LE-1", lastName: "x", birthDate: "1980-01-01" as PlainDate }, undefined)
        .findings[0]!.status,
      "unknown",
    );
  });
});

describe("the check at the counter", () => {
  test("approved with a gun credential: every finding cited; the limit (off) says it is policy", async () => {
    const h = await holder(env.services.db, today(), { kind: "long-gun-eligibility-certificate" });
    const r = await check(checkBody(h));
    expectStatus(r, 201);
    const b = json(r);
    assert.equal(b.check.outcome, "approved", r.body);
    assert.equal(b.check.basis, "gun-credential");
    const cred = finding(b, "sales.ammunition.buyer-credential");
    assert.equal(cred.status, "met");
    assert.equal(cred.citation, "PA 13-3 §§ 14-17 (CGS § 29-38m)");
    assert.equal(cred.basis, "statute");
    const limit = finding(b, "policy.ammunition-limit");
    assert.equal(limit.status, "not-applicable");
    assert.equal(limit.basis, "policy");
    assert.equal(limit.note, "policy, not statute");
    assert.match(limit.citation, /^Policy /);
    assert.equal(finding(b, "ammunition.record-match").status, "met");
    // Both decisions are stored with the rulebook version, for replay.
    assert.equal(
      await count(env, "decisions WHERE id IN ($1, $2) AND rulebook_version <> ''", [
        b.check.lawDecisionId,
        b.check.limitDecisionId,
      ]),
      2,
    );
    assert.equal(await count(env, "audit_log WHERE action = 'ammunition.check' AND entity_id = $1", [b.check.id]), 1);
  });

  test("a dealer (not only a vendor) may check; a magazine alone counts as a sale under the law too", async () => {
    const h = await holder(env.services.db, today(), { kind: "state-handgun-permit" });
    const r = await check(checkBody(h, [{ type: "magazine", quantity: 2 }]), "dealer");
    expectStatus(r, 201);
    assert.equal(json(r).check.outcome, "approved", r.body);
    const none = await holder(env.services.db, today(), { kind: "temporary-state-permit" });
    const refused = json(await check(checkBody(none, [{ type: "magazine", quantity: 1 }])));
    assert.equal(
      refused.check.outcome,
      "refused",
      "a magazine needs a credential too; the temporary state permit is valid for no purchase",
    );
    assert.equal(finding(refused, "sales.ammunition.buyer-credential").status, "not-met");
  });

  test("an ammunition certificate with photo identification showing the date of birth is approved", async () => {
    const h = await holder(env.services.db, today(), { kind: "ammunition-certificate" });
    const b = json(await check(checkBody(h)));
    assert.equal(b.check.outcome, "approved", JSON.stringify(b));
    assert.equal(b.check.basis, "ammunition-certificate");
  });

  test("an ammunition certificate with identification that does not show the date of birth is refused, citing §§ 14-17", async () => {
    const h = await holder(env.services.db, today(), { kind: "ammunition-certificate" });
    const b = json(await check(checkBody(h, undefined, { photoId: { ...LICENCE_PHOTO_ID, showsBirthDate: false } })));
    assert.equal(b.check.outcome, "refused");
    const f = finding(b, "sales.ammunition.buyer-credential");
    assert.equal(f.status, "not-met");
    assert.match(f.citation, /PA 13-3 §§ 14-17/);
    assert.ok(f.remedy, "a refusal says what would change it");
    assert.ok(b.nextSteps.length > 0);
  });

  test("an ammunition certificate with no identification recorded is needs-review, never refused", async () => {
    const h = await holder(env.services.db, today(), { kind: "ammunition-certificate" });
    const body = checkBody(h) as any;
    delete body.buyer.photoId;
    const b = json(await check(body));
    assert.equal(b.check.outcome, "needs-review");
    assert.ok(finding(b, "sales.ammunition.buyer-credential").missing.includes("buyer.photoId"));
  });

  test("under 18 is refused (the record's date of birth, or the buyer's own identification)", async () => {
    const minor = await holder(env.services.db, today(), {
      kind: "ammunition-certificate",
      birthDate: addDays(today(), -(17 * 365)),
    });
    const b = json(await check(checkBody(minor)));
    assert.equal(b.check.outcome, "refused");
    assert.equal(finding(b, "sales.ammunition.minimum-age").status, "not-met");
    const adult = await holder(env.services.db, today());
    const c = json(
      await check(checkBody(adult, undefined, { birthDate: "2012-01-01", credentialNumber: "LE-9999999" })),
    );
    assert.equal(
      c.check.outcome,
      "refused",
      "an identification showing the buyer is 14 is a refusal even though the number is not on file",
    );
  });

  test("mismatches are needs-review with a way to fix them: unknown number, another name, an old address; the seller is not told which field differs", async () => {
    const h = await holder(env.services.db, today(), { street: "12 Oak Road", town: "Stamford", zip: "06901" });
    for (const [what, buyer] of [
      ["unknown number", { credentialNumber: "LE-9999998" }],
      ["another last name", { lastName: "Someoneelse" }],
      ["another date of birth", { birthDate: "1980-02-03" }],
      ["an old address", { address: { street: "7 Elm Street", town: "Hartford", zip: "06103" } }],
    ] as const) {
      const r = await check(checkBody(h, undefined, buyer as Record<string, unknown>));
      const b = json(r);
      assert.equal(b.check.outcome, "needs-review", what);
      const m = finding(b, "ammunition.record-match");
      assert.equal(m.status, "unknown", what);
      // Issue 8, finding 3: "matches" or "does not match", never which field (the check was an oracle).
      assert.equal(m.because, "does not match; the buyer may ask DESPP to correct the record", what);
      assert.match(m.remedy, /DESPP/, what);
      assert.equal(m.missing, undefined, what);
      assert.doesNotMatch(r.body, /date of birth|last name|ZIP|town|street|not on file/i, what);
      assert.equal(m.basis, "policy");
      assert.ok(
        b.nextSteps.some((s: string) => /Nothing has been refused/.test(s)),
        what,
      );
    }
    // The same address written differently matches.
    const ok = json(await check(checkBody(h, undefined, { address: { street: "12 oak rd.", town: "STAMFORD" } })));
    assert.equal(ok.check.outcome, "approved");
  });

  test("a revoked credential and a prohibited person are refused; a prohibited person may still buy a magazine", async () => {
    const revoked = await holder(env.services.db, today(), { status: "revoked" });
    assert.equal(json(await check(checkBody(revoked))).check.outcome, "refused");
    const felon = await holder(env.services.db, today());
    await env.services.db.query(
      "INSERT INTO prohibiting_events (person_id, kind, event_on, felony, source) VALUES ($1,'conviction','2020-01-01',true,'Superior Court')",
      [felon.person.id],
    );
    const b = json(await check(checkBody(felon)));
    assert.equal(b.check.outcome, "refused");
    assert.equal(finding(b, "sales.ammunition.buyer-may-possess").status, "not-met");
    assert.equal(json(await check(checkBody(felon, [{ type: "magazine", quantity: 1 }]))).check.outcome, "approved");
  });

  test("only sellers check, and only for the shop they act for", async () => {
    const h = await holder(env.services.db, today());
    for (const who of ["resident", "law_enforcement", "licensing_staff", "auditor", "admin"] as const)
      expectProblem(await check(checkBody(h), who), 403);
    expectProblem(await check(checkBody(h), null), 401);
    const stray = await env.services.db.query("SELECT count(*)::int AS n FROM ammunition_checks");
    const { username } = await (async () => {
      const { createUser } = await import("../auth/service.ts");
      const u = await createUser(env.services.db, {
        username: "unattached-vendor",
        displayName: "Nobody's clerk",
        role: "ammunition_vendor",
        password: "correct horse battery staple",
        passwordCost: 10,
      });
      return { username: u.username };
    })();
    expectProblem(await check(checkBody(h), { username }), 403);
    assert.equal((await env.services.db.query("SELECT count(*)::int AS n FROM ammunition_checks"))[0]!.n, stray[0]!.n);
  });
});

describe("recording a sale", () => {
  test("recorded against an approved check; an idempotent retry stores it once", async () => {
    const h = await holder(env.services.db, today());
    const c = json(
      await check(
        checkBody(h, [
          { type: "centerfire-pistol", quantity: 100 },
          { type: "magazine", quantity: 2 },
        ]),
      ),
    );
    assert.equal(c.check.outcome, "approved");
    const key = `sale-${c.check.id}`;
    const payload = {
      checkId: c.check.id,
      lines: saleLines([
        { type: "centerfire-pistol", quantity: 100 },
        { type: "magazine", quantity: 2 },
      ]),
    };
    const first = await call("ammunition_vendor", {
      method: "POST",
      url: "/api/v1/ammunition/sales",
      payload,
      headers: { "idempotency-key": key },
    });
    expectStatus(first, 201);
    const again = await call("ammunition_vendor", {
      method: "POST",
      url: "/api/v1/ammunition/sales",
      payload,
      headers: { "idempotency-key": key },
    });
    expectStatus(again, 201);
    assert.equal(again.headers["idempotent-replayed"], "true");
    assert.deepEqual(json(again), json(first));
    const sale = json(first).sale;
    assert.equal(sale.totalRounds, 100);
    assert.equal(sale.totalMagazines, 2);
    assert.equal(sale.soldOn, today());
    assert.equal(sale.town, sellers.vendor.town);
    assert.equal(await count(env, "ammunition_sales WHERE check_id = $1", [c.check.id]), 1);
    assert.equal(await count(env, "ammunition_sale_lines WHERE sale_id = $1", [sale.id]), 2);
    assert.equal(
      await count(env, "audit_log WHERE action = 'ammunition.sale.record' AND entity_id = $1", [sale.id]),
      1,
    );
    // The same key for another request is refused; another key for the same check finds it used.
    expectProblem(
      await call("ammunition_vendor", {
        method: "POST",
        url: "/api/v1/ammunition/sales",
        payload: { ...payload, lines: saleLines([{ type: "centerfire-pistol", quantity: 50 }]) },
        headers: { "idempotency-key": key },
      }),
      422,
      "header.idempotency-key",
    );
    expectProblem(
      await call("ammunition_vendor", {
        method: "POST",
        url: "/api/v1/ammunition/sales",
        payload,
        headers: { "idempotency-key": `${key}-2` },
      }),
      409,
      "checkId",
    );
  });

  test("a check retried with its Idempotency-Key is stored once", async () => {
    const h = await holder(env.services.db, today());
    const before = await count(env, "ammunition_checks");
    const headers = { "idempotency-key": `check-${h.credential.number}` };
    const a = await call("ammunition_vendor", {
      method: "POST",
      url: "/api/v1/ammunition/checks",
      payload: checkBody(h),
      headers,
    });
    const b = await call("ammunition_vendor", {
      method: "POST",
      url: "/api/v1/ammunition/checks",
      payload: checkBody(h),
      headers,
    });
    expectStatus(a, 201);
    expectStatus(b, 201);
    assert.equal(json(a).check.id, json(b).check.id);
    assert.equal(await count(env, "ammunition_checks"), before + 1);
  });

  test("refused beyond what the check approved, against another seller's check, a refused check or yesterday's check", async () => {
    const h = await holder(env.services.db, today());
    const c = json(await check(checkBody(h, [{ type: "rimfire", quantity: 500 }])));
    const sale = (lines: any, who: any = "ammunition_vendor", checkId = c.check.id) =>
      call(who, { method: "POST", url: "/api/v1/ammunition/sales", payload: { checkId, lines } });
    expectProblem(await sale(saleLines([{ type: "rimfire", quantity: 501 }])), 409, "lines.0.quantity");
    expectProblem(
      await sale(
        saleLines([
          { type: "rimfire", quantity: 100 },
          { type: "shotshell", quantity: 25 },
        ]),
      ),
      409,
      "lines.1.quantity",
    );
    expectProblem(
      await sale(saleLines([{ type: "rimfire", quantity: 100 }]), { username: sellers.otherUser.username }),
      400,
      "checkId",
    );
    const refused = json(await check(checkBody(await holder(env.services.db, today(), { status: "revoked" }))));
    expectProblem(
      await sale(saleLines([{ type: "centerfire-pistol", quantity: 1 }]), "ammunition_vendor", refused.check.id),
      409,
      "checkId",
    );
    env.clock.set(addDays(TODAY, 1));
    try {
      expectProblem(await sale(saleLines([{ type: "rimfire", quantity: 100 }])), 409, "checkId");
    } finally {
      env.clock.set(TODAY);
    }
    expectStatus(await sale(saleLines([{ type: "rimfire", quantity: 400 }])), 201, "less than approved is fine");
  });

  test("a credential revoked between the check and the sale stops the sale", async () => {
    const h = await holder(env.services.db, today());
    const c = json(await check(checkBody(h)));
    await env.services.db.query("UPDATE credentials SET status = 'revoked', revoked_on = $2 WHERE id = $1", [
      h.credential.id,
      today(),
    ]);
    expectProblem(
      await call("ammunition_vendor", {
        method: "POST",
        url: "/api/v1/ammunition/sales",
        payload: { checkId: c.check.id, lines: saleLines([{ type: "centerfire-pistol", quantity: 100 }]) },
      }),
      409,
      "checkId",
    );
  });
});

describe("the ammunition limit (policy, not statute)", () => {
  let h: Holder;
  before(async () => {
    h = await holder(env.services.db, today());
    env.clock.set("2026-10-25" as PlainDate);
    try {
      await buy(call, "ammunition_vendor", h, [{ type: "centerfire-rifle", quantity: 400 }]);
    } finally {
      env.clock.set(TODAY);
    }
  });
  after(async () => {
    await setLimit({ enabled: false }, "back off after the tests");
  });

  test("the limit is public, ships switched off, and only an administrator changes it (history kept)", async () => {
    const g = await call(null, { method: "GET", url: "/api/v1/policies/ammunition-limit" });
    expectStatus(g, 200);
    assert.equal(json(g).basis, "policy");
    assert.equal(json(g).history.at(-1).version, 1);
    assert.equal(json(g).history.at(-1).settings.enabled, false);
    for (const who of ["licensing_staff", "law_enforcement", "ammunition_vendor", "resident"] as const) {
      expectProblem(
        await call(who, {
          method: "PUT",
          url: "/api/v1/policies/ammunition-limit",
          payload: { settings: { enabled: true, roundsPerRolling30Days: 10 }, note: "not allowed" },
        }),
        403,
      );
    }
    expectProblem(
      await call("admin", {
        method: "PUT",
        url: "/api/v1/policies/ammunition-limit",
        payload: { settings: { enabled: true, roundsPerRolling30Days: -5 }, note: "bad cap" },
      }),
      400,
      "settings.roundsPerRolling30Days",
    );
    expectProblem(
      await call("admin", {
        method: "PUT",
        url: "/api/v1/policies/ammunition-limit",
        payload: { settings: { enabled: true, byClass: { laser: {} } }, note: "bad class" },
      }),
      400,
      "settings.byClass.laser",
    );
    expectProblem(
      await call("admin", {
        method: "PUT",
        url: "/api/v1/policies/ammunition-limit",
        payload: { settings: { enabled: true }, note: "backdated", effectiveOn: "2026-01-01" },
      }),
      400,
      "effectiveOn",
    );
  });

  test("a setting applies from the day it takes effect, not before", async () => {
    const r = await call("admin", {
      method: "PUT",
      url: "/api/v1/policies/ammunition-limit",
      payload: {
        settings: { enabled: true, roundsPerRolling30Days: 1 },
        note: "announced for tomorrow",
        effectiveOn: addDays(TODAY, 1),
      },
    });
    expectStatus(r, 200);
    const buyer = await holder(env.services.db, today());
    assert.equal(
      json(await check(checkBody(buyer, [{ type: "rimfire", quantity: 50 }]))).check.outcome,
      "approved",
      "not yet in force today",
    );
    env.clock.set(addDays(TODAY, 1));
    try {
      assert.equal(json(await check(checkBody(buyer, [{ type: "rimfire", quantity: 50 }]))).check.outcome, "refused");
      assert.equal(
        json(await call(null, { method: "GET", url: "/api/v1/policies/ammunition-limit" })).current.version,
        json(r).setting.version,
      );
      await setLimit({ enabled: false }, "off again");
    } finally {
      env.clock.set(TODAY);
    }
  });

  test("rolling 30 days: October's 400 rounds count on 5 November; the refusal cites policy and says when", async () => {
    env.clock.set("2026-11-05" as PlainDate);
    try {
      const v = await setLimit({ enabled: true, roundsPerRolling30Days: 500 });
      const b = json(await check(checkBody(h, [{ type: "centerfire-pistol", quantity: 200 }])));
      assert.equal(b.check.outcome, "refused");
      const f = finding(b, "policy.ammunition-limit.rounds.rolling-30-days");
      assert.equal(f.status, "not-met");
      assert.equal(f.basis, "policy");
      assert.equal(f.note, "policy, not statute");
      assert.match(f.citation, /^Policy Ammunition limit/);
      assert.match(f.because, new RegExp(`setting version ${v.version}`));
      assert.match(f.because, /at most 100 more/);
      assert.match(f.remedy, /from 2026-11-24/);
      assert.ok(b.nextSteps.some((s: string) => /policy, not statute/.test(s)));
      assert.equal(
        json(await check(checkBody(h, [{ type: "centerfire-pistol", quantity: 100 }]))).check.outcome,
        "approved",
      );
    } finally {
      env.clock.set(TODAY);
    }
  });

  test("calendar month: the same purchase is within a monthly cap (October's rounds are last month's)", async () => {
    env.clock.set("2026-11-05" as PlainDate);
    try {
      await setLimit({ enabled: true, roundsPerCalendarMonth: 500 });
      const b = json(await check(checkBody(h, [{ type: "centerfire-pistol", quantity: 200 }])));
      assert.equal(b.check.outcome, "approved", JSON.stringify(b.findings));
      assert.equal(finding(b, "policy.ammunition-limit.rounds.calendar-month").status, "met");
      const over = json(await check(checkBody(h, [{ type: "centerfire-pistol", quantity: 501 }])));
      assert.equal(over.check.outcome, "refused");
      assert.match(finding(over, "policy.ammunition-limit.rounds.calendar-month").remedy, /reduce the quantity to 500/);
    } finally {
      env.clock.set(TODAY);
    }
  });

  test("per class and for magazines", async () => {
    env.clock.set("2026-11-05" as PlainDate);
    try {
      await setLimit({
        enabled: true,
        byClass: { "centerfire-rifle": { perRolling30Days: 450 } },
        magazinesPerRolling30Days: 3,
      });
      assert.equal(
        json(await check(checkBody(h, [{ type: "centerfire-rifle", quantity: 51 }]))).check.outcome,
        "refused",
      );
      assert.equal(
        json(
          await check(
            checkBody(h, [
              { type: "centerfire-rifle", quantity: 50 },
              { type: "rimfire", quantity: 2000 },
            ]),
          ),
        ).check.outcome,
        "approved",
      );
      assert.equal(json(await check(checkBody(h, [{ type: "magazine", quantity: 4 }]))).check.outcome, "refused");
    } finally {
      env.clock.set(TODAY);
    }
  });

  test("switched off, nothing is refused by it", async () => {
    env.clock.set("2026-11-05" as PlainDate);
    try {
      await setLimit({ enabled: false });
      const b = json(await check(checkBody(h, [{ type: "centerfire-pistol", quantity: 20_000 }])));
      assert.equal(b.check.outcome, "approved");
      assert.equal(finding(b, "policy.ammunition-limit").status, "not-applicable");
    } finally {
      env.clock.set(TODAY);
    }
  });

  test("the limit is applied again when the sale is recorded: headroom used elsewhere since the check is refused", async () => {
    await setLimit({ enabled: true, roundsPerRolling30Days: 500 });
    const buyer = await holder(env.services.db, today());
    const first = json(await check(checkBody(buyer, [{ type: "rimfire", quantity: 300 }])));
    const second = json(
      await check(checkBody(buyer, [{ type: "rimfire", quantity: 300 }]), { username: sellers.otherUser.username }),
    );
    assert.equal(first.check.outcome, "approved");
    assert.equal(second.check.outcome, "approved");
    expectStatus(
      await call("ammunition_vendor", {
        method: "POST",
        url: "/api/v1/ammunition/sales",
        payload: { checkId: first.check.id, lines: saleLines([{ type: "rimfire", quantity: 300 }]) },
      }),
      201,
    );
    const p = expectProblem(
      await call(
        { username: sellers.otherUser.username },
        {
          method: "POST",
          url: "/api/v1/ammunition/sales",
          payload: { checkId: second.check.id, lines: saleLines([{ type: "rimfire", quantity: 300 }]) },
        },
      ),
      409,
      "lines",
    );
    assert.match(p.detail, /policy, not statute/);
    assert.equal(await count(env, "ammunition_sales WHERE person_id = $1", [buyer.person.id]), 1);
    await setLimit({ enabled: false });
  });
});

describe("who sees which sales, and reports", () => {
  let certHolder: Holder, gunHolder: Holder;
  let reportEnv: { from: string; to: string };
  before(async () => {
    certHolder = await holder(env.services.db, today(), { kind: "ammunition-certificate", lastName: "Confidential" });
    gunHolder = await holder(env.services.db, today(), { lastName: "Gunholder" });
    // A quiet month for the report: 2026-06.
    env.clock.set("2026-06-10" as PlainDate);
    try {
      await buy(call, "ammunition_vendor", certHolder, [{ type: "rimfire", quantity: 500 }]);
      await buy(call, { username: sellers.otherUser.username }, gunHolder, [
        { type: "shotshell", quantity: 100 },
        { type: "magazine", quantity: 1 },
      ]);
      env.clock.set("2026-07-02" as PlainDate);
      await buy(call, "ammunition_vendor", gunHolder, [{ type: "centerfire-pistol", quantity: 50 }]);
    } finally {
      env.clock.set(TODAY);
    }
    reportEnv = { from: "2026-06-01", to: "2026-07-31" };
  });

  test("a vendor sees only its own sales, without buyers' names; another seller's id is refused", async () => {
    const mine = json(
      await call("ammunition_vendor", {
        method: "GET",
        url: `/api/v1/ammunition/sales?from=${reportEnv.from}&to=${reportEnv.to}`,
      }),
    );
    assert.equal(mine.scope, "own");
    assert.equal(mine.items.length, 2);
    assert.ok(mine.items.every((s: any) => s.dealerId === sellers.vendor.id));
    const text = JSON.stringify(mine);
    assert.doesNotMatch(text, /Confidential|Gunholder|firstName|lastName|birthDate/);
    assert.ok(mine.items.every((s: any) => /^…\d{4}$/.test(s.credentialNumber)));
    const theirs = json(
      await call(
        { username: sellers.otherUser.username },
        { method: "GET", url: `/api/v1/ammunition/sales?from=${reportEnv.from}&to=${reportEnv.to}` },
      ),
    );
    assert.equal(theirs.items.length, 1);
    assert.equal(theirs.items[0].dealerId, sellers.other.id);
    expectProblem(
      await call("ammunition_vendor", { method: "GET", url: `/api/v1/ammunition/sales?dealerId=${sellers.other.id}` }),
      403,
    );
    expectProblem(
      await call("ammunition_vendor", {
        method: "GET",
        url: `/api/v1/ammunition/sales?personId=${gunHolder.person.id}`,
      }),
      403,
    );
    for (const who of ["resident", "auditor", "admin"] as const)
      expectProblem(await call(who, { method: "GET", url: "/api/v1/ammunition/sales" }), 403);
  });

  test("investigators give a purpose; names are shown and the read of ammunition certificate holders is audited", async () => {
    for (const who of ["law_enforcement", "licensing_staff"] as const) {
      expectProblem(
        await call(who, { method: "GET", url: "/api/v1/ammunition/sales" }),
        400,
        "header.stateline-purpose",
      );
      expectProblem(
        await call(who, { method: "GET", url: "/api/v1/ammunition/sales?purpose=case%202026-114" }),
        400,
        "query.purpose",
      );
      const r = json(
        await call(who, {
          method: "GET",
          url: `/api/v1/ammunition/sales?personId=${certHolder.person.id}&from=${reportEnv.from}&to=${reportEnv.to}`,
          headers: { "stateline-purpose": "criminal-investigation; case 2026-114" },
        }),
      );
      assert.equal(r.scope, "all");
      assert.equal(r.items.length, 1);
      assert.equal(r.items[0].buyer.lastName, "Confidential");
      const audit = await env.services.db.query(
        "SELECT purpose, details FROM audit_log WHERE action = 'ammunition.sales.read' AND actor_role = $1 ORDER BY seq DESC LIMIT 1",
        [who],
      );
      assert.equal(audit[0]!.purpose, "criminal-investigation: case 2026-114");
      assert.deepEqual(audit[0]!.details.ammunitionCertificateHolders, [certHolder.person.id]);
    }
  });

  test("reports group by vendor, town of sale and month", async () => {
    const get = async (groupBy: string) => {
      const r = await call("law_enforcement", {
        method: "GET",
        url: `/api/v1/ammunition/reports?groupBy=${groupBy}&from=${reportEnv.from}&to=${reportEnv.to}`,
        headers: { "stateline-purpose": "audit-review; monthly review" },
      });
      expectStatus(r, 200);
      return json(r);
    };
    const byVendor = await get("vendor");
    const v = byVendor.rows.find((x: any) => x.key === sellers.vendor.id),
      o = byVendor.rows.find((x: any) => x.key === sellers.other.id);
    assert.deepEqual(
      { sales: v.sales, rounds: v.rounds, magazines: v.magazines, buyers: v.buyers },
      { sales: 2, rounds: 550, magazines: 0, buyers: 2 },
    );
    assert.deepEqual(
      { sales: o.sales, rounds: o.rounds, magazines: o.magazines, buyers: o.buyers },
      { sales: 1, rounds: 100, magazines: 1, buyers: 1 },
    );
    assert.equal(v.label, sellers.vendor.name);
    assert.deepEqual(byVendor.totals, { sales: 3, rounds: 650, magazines: 1, buyers: 2 });
    const byTown = await get("town");
    assert.deepEqual(
      byTown.rows.map((r: any) => [r.key, r.sales, r.rounds]),
      [
        ["Bridgeport", 1, 100],
        ["New Britain", 2, 550],
      ],
    );
    const byMonth = await get("month");
    assert.deepEqual(
      byMonth.rows.map((r: any) => [r.key, r.sales, r.rounds, r.magazines, r.buyers]),
      [
        ["2026-06", 2, 600, 1, 2],
        ["2026-07", 1, 50, 0, 1],
      ],
    );
    assert.doesNotMatch(JSON.stringify(byMonth), /Confidential|Gunholder/);
    expectProblem(
      await call("licensing_staff", { method: "GET", url: "/api/v1/ammunition/reports?groupBy=vendor" }),
      400,
      "header.stateline-purpose",
    );
    expectProblem(
      await call("licensing_staff", {
        method: "GET",
        url: "/api/v1/ammunition/reports?groupBy=county",
        headers: { "stateline-purpose": "audit-review; x y z and more" },
      }),
      400,
      "query.groupBy",
    );
    expectProblem(
      await call("licensing_staff", {
        method: "GET",
        url: "/api/v1/ammunition/reports?from=2026-08-01&to=2026-07-01",
        headers: { "stateline-purpose": "audit-review; x y z and more" },
      }),
      400,
      "query.from",
    );
    for (const who of ["dealer", "ammunition_vendor", "resident", "auditor", "admin"] as const)
      expectProblem(
        await call(who, {
          method: "GET",
          url: "/api/v1/ammunition/reports",
          headers: { "stateline-purpose": "audit-review; x y z and more" },
        }),
        403,
      );
    assert.ok(
      (await count(
        env,
        "audit_log WHERE action = 'ammunition.report.read' AND purpose = 'audit-review: monthly review'",
      )) >= 3,
    );
  });
});

describe("malformed input: a 4xx naming the field, never a 5xx", () => {
  let h: Holder;
  before(async () => {
    h = await holder(env.services.db, today());
  });

  test("named fields", async () => {
    const good = checkBody(h) as any;
    const cases: [string, any, string][] = [
      ["no birth date", { ...good, buyer: { ...good.buyer, birthDate: undefined } }, "buyer.birthDate"],
      ["impossible date", { ...good, buyer: { ...good.buyer, birthDate: "2013-02-30" } }, "buyer.birthDate"],
      ["bad number", { ...good, buyer: { ...good.buyer, credentialNumber: "12" } }, "buyer.credentialNumber"],
      ["unknown line type", { ...good, lines: [{ ...good.lines[0], type: "laser" }] }, "lines.0.type"],
      ["zero quantity", { ...good, lines: [{ ...good.lines[0], quantity: 0 }] }, "lines.0.quantity"],
      ["fractional quantity", { ...good, lines: [{ ...good.lines[0], quantity: 1.5 }] }, "lines.0.quantity"],
      ["no lines", { ...good, lines: [] }, "lines"],
      ["unknown field", { ...good, extra: 1 }, "extra"],
      [
        "photo id without showsBirthDate",
        { ...good, buyer: { ...good.buyer, photoId: { type: "passport", number: "X1" } } },
        "buyer.photoId.showsBirthDate",
      ],
    ];
    for (const [_what, body, field] of cases) expectProblem(await check(body), 400, field);
    expectProblem(
      await call("ammunition_vendor", {
        method: "POST",
        url: "/api/v1/ammunition/sales",
        payload: { checkId: "not-a-uuid", lines: [] },
      }),
      400,
      "checkId",
    );
    expectProblem(
      await call("ammunition_vendor", {
        method: "POST",
        url: "/api/v1/ammunition/sales",
        payload: {
          checkId: "00000000-0000-4000-8000-000000000000",
          lines: saleLines([{ type: "rimfire", quantity: 1 }]),
        },
      }),
      400,
      "checkId",
    );
    expectProblem(
      await call("ammunition_vendor", { method: "GET", url: "/api/v1/ammunition/sales?from=2026-13-01" }),
      400,
      "query.from",
    );
    expectProblem(
      await call("ammunition_vendor", { method: "GET", url: "/api/v1/ammunition/sales?limit=0" }),
      400,
      "query.limit",
    );
    for (const q of [
      "from=1800-01-01&to=1800-01-01",
      "to=1800-01-01",
      "from=1800-01-01&to=2199-12-31",
      "to=2199-12-31",
    ]) {
      expectStatus(await call("ammunition_vendor", { method: "GET", url: `/api/v1/ammunition/sales?${q}` }), 200, q);
      expectStatus(
        await call("licensing_staff", {
          method: "GET",
          url: `/api/v1/ammunition/reports?groupBy=month&${q}`,
          headers: { "stateline-purpose": "audit-review; edge dates of the report" },
        }),
        200,
        q,
      );
    }
    expectProblem(
      await call("ammunition_vendor", { method: "GET", url: "/api/v1/ammunition/sales?from=0001-01-01" }),
      400,
      "query.from",
    );
  });

  test("generated bodies never get a 5xx, and every 400 names a field", async () => {
    const good = checkBody(h) as any;
    const junk = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant("2013-02-30"),
      fc.constant("\u0000"),
      fc.string({ minLength: 300, maxLength: 400 }),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.object(),
    );
    const paths = [
      ["buyer", "firstName"],
      ["buyer", "lastName"],
      ["buyer", "birthDate"],
      ["buyer", "credentialNumber"],
      ["buyer", "photoId"],
      ["buyer", "address"],
      ["lines"],
      ["lines", 0],
      ["lines", 0, "quantity"],
      ["lines", 0, "type"],
      ["buyer"],
    ] as const;
    const before = await count(env, "ammunition_checks");
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), junk, async (path, value) => {
        const body = structuredClone(good);
        let o: any = body;
        for (const k of path.slice(0, -1)) o = o[k];
        o[path.at(-1)!] = value;
        const r = await check(body);
        assert.ok(
          r.statusCode < 500,
          `${r.statusCode} for ${JSON.stringify(path)}=${JSON.stringify(value)}: ${r.body.slice(0, 300)}`,
        );
        if (r.statusCode === 400)
          assert.ok(json(r).errors?.length && json(r).errors.every((e: any) => e.field), r.body);
        else if (r.statusCode === 201) accepted += 1;
      }),
      { numRuns: 300 },
    );
    assert.equal(await count(env, "ammunition_checks"), before + accepted, "a rejected request stores nothing");
  });
});

describe("a second seller of the same kind", () => {
  test("checks of one seller are not usable by another of the same kind", async () => {
    const s = await sellerWithLogin(env, "ammunition-vendor", "Waterbury");
    const h = await holder(env.services.db, today());
    await addCredential(env.services.db, today(), h.person.id, "ammunition-certificate");
    const c = json(await check(checkBody(h), { username: s.user.username }));
    expectProblem(
      await call("ammunition_vendor", {
        method: "POST",
        url: "/api/v1/ammunition/sales",
        payload: { checkId: c.check.id, lines: saleLines([{ type: "centerfire-pistol", quantity: 1 }]) },
      }),
      400,
      "checkId",
    );
  });
});
