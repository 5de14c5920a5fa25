/**
 * The duplicate-serial lead (issue 9): the same serial number (and make)
 * authorized twice within 30 minutes raises a lead about each buyer, with
 * both sales as evidence: after the second sale, in its transaction, through
 * the sales module's ordinary call to the leads module, and by the sweep.
 * 30 minutes apart raise it, 31 do not; another make, a denied or cancelled
 * sale, do not; a second sweep raises nothing new.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, expectStatus, json, type Call } from "../../../test/api/support.ts";
import { type PlainDate } from "../../law/core/dates.ts";
import type { Dealer } from "../dealers/service.ts";
import { attachStaff } from "../dealers/service.ts";
import { holder, registerSeller, seedFirearmSale, type Holder } from "../ammunition/testkit.ts";
import { buyerWithCredential, saleBody, setupShop } from "../sales/test-support.ts";
import { LEAD_SETTINGS } from "./detectors.ts";
import { detectForPerson, runLeadSweep } from "./service.ts";

const TODAY = "2026-11-20" as PlainDate;
const d = (s: string) => s as PlainDate;

let env: TestEnv;
let call: Call;
let gun1: Dealer, gun2: Dealer;

before(async () => {
  env = await createTestEnv({ today: TODAY });
  call = caller(env);
  gun1 = await registerSeller(env, "firearm-dealer", "Hartford");
  gun2 = await registerSeller(env, "firearm-dealer", "Enfield");
});
after(async () => {
  await env.close();
});

const person = () => holder(env.services.db, TODAY);
const leadsOf = async (personId: string) =>
  env.services.db.query(
    "SELECT id::text, reason, evidence, window_start, window_end, raised_by FROM leads WHERE person_id = $1 AND detector = 'duplicate-serial' ORDER BY number",
    [personId],
  );
const at = (on: string, hh: number, mm: number) =>
  `${on}T${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}:00Z`;
const gun = (
  h: Holder,
  dealer: Dealer,
  o: { on: string; time: string; serial: string; make?: string; status?: "authorized" | "denied" | "cancelled" },
) =>
  seedFirearmSale(env.services.db, {
    personId: h.person.id,
    dealerId: dealer.id,
    on: d(o.on),
    handgun: false,
    status: o.status ?? "authorized",
    serialNumber: o.serial,
    requestedAt: o.time,
    ...(o.make ? { make: o.make } : {}),
  });
const runAfterSale = (h: Holder, on: string) =>
  env.services.db.tx((q) =>
    detectForPerson(env.ctx("law_enforcement"), q, {
      personId: h.person.id,
      on: d(on),
      detectors: ["duplicate-serial"],
      raisedBy: "sale",
    }),
  );

describe("the same serial number authorized twice within minutes", () => {
  test("two buyers at two dealers, 12 minutes apart: a lead about each, naming the serial and both sales", async () => {
    const a = await person(),
      b = await person();
    const s1 = await gun(a, gun1, { on: "2026-11-10", time: at("2026-11-10", 14, 0), serial: "ds-100" });
    const s2 = await gun(b, gun2, { on: "2026-11-10", time: at("2026-11-10", 14, 12), serial: "DS-100" });
    const raised = await runAfterSale(b, "2026-11-10");
    assert.equal(raised.length, 2, "the second buyer's lead and the first buyer's, at once");
    for (const [who, other] of [
      [b, a],
      [a, b],
    ] as const) {
      const [lead] = await leadsOf(who.person.id);
      assert.ok(lead, "a lead about each buyer");
      assert.match(lead.reason, /serial number DS-100 \(Glock\) was authorized in sale FS-T/);
      assert.match(lead.reason, /to another buyer, 12 minutes apart, at different dealers/);
      assert.deepEqual([...lead.evidence.firearmSaleIds].sort(), [s1, s2].sort());
      assert.deepEqual(lead.evidence.otherBuyerIds, [other.person.id]);
      assert.deepEqual(lead.evidence.serialNumbers, ["DS-100"]);
      assert.equal(lead.window_start, "2026-11-10");
      assert.equal(lead.raised_by, "sale");
    }
    assert.equal((await runAfterSale(b, "2026-11-10")).length, 0, "raised once");
  });

  test(`${LEAD_SETTINGS.duplicateSerial.minutes} minutes apart raise a lead; ${LEAD_SETTINGS.duplicateSerial.minutes + 1} do not`, async () => {
    const a = await person(),
      b = await person(),
      c = await person(),
      e = await person();
    await gun(a, gun1, { on: "2026-11-11", time: at("2026-11-11", 9, 0), serial: "DS-200" });
    await gun(b, gun2, { on: "2026-11-11", time: at("2026-11-11", 9, 30), serial: "DS-200" });
    await gun(c, gun1, { on: "2026-11-11", time: at("2026-11-11", 10, 0), serial: "DS-201" });
    await gun(e, gun2, { on: "2026-11-11", time: at("2026-11-11", 10, 31), serial: "DS-201" });
    assert.equal((await runAfterSale(b, "2026-11-11")).length, 2);
    assert.equal((await runAfterSale(e, "2026-11-11")).length, 0);
    assert.equal((await leadsOf(e.person.id)).length, 0);
    assert.equal((await leadsOf(c.person.id)).length, 0);
  });

  test("another make with the same serial, or a denied or cancelled sale, raise nothing", async () => {
    const a = await person(),
      b = await person(),
      c = await person(),
      e = await person();
    await gun(a, gun1, { on: "2026-11-12", time: at("2026-11-12", 9, 0), serial: "DS-300", make: "Ruger" });
    await gun(b, gun2, { on: "2026-11-12", time: at("2026-11-12", 9, 5), serial: "DS-300", make: "Colt" });
    await gun(c, gun1, { on: "2026-11-12", time: at("2026-11-12", 11, 0), serial: "DS-301" });
    await gun(e, gun2, { on: "2026-11-12", time: at("2026-11-12", 11, 5), serial: "DS-301", status: "denied" });
    await gun(e, gun2, { on: "2026-11-12", time: at("2026-11-12", 11, 6), serial: "DS-301", status: "cancelled" });
    for (const h of [a, b, c, e]) assert.equal((await runAfterSale(h, "2026-11-12")).length, 0);
  });

  test("the sweep raises the leads (both buyers) and a second sweep nothing new", async () => {
    const a = await person(),
      b = await person();
    await gun(a, gun1, { on: "2026-11-13", time: at("2026-11-13", 16, 0), serial: "DS-400" });
    await gun(b, gun1, { on: "2026-11-13", time: at("2026-11-13", 16, 3), serial: "DS-400" });
    const r = await runLeadSweep(env.ctx("law_enforcement"), { on: d("2026-11-14") });
    assert.ok((r.raised["duplicate-serial"] ?? 0) >= 2);
    for (const h of [a, b]) {
      const [lead] = await leadsOf(h.person.id);
      assert.equal(lead?.raised_by, "sweep");
      assert.doesNotMatch(lead.reason, /different dealers/, "same dealer");
      assert.match(lead.reason, /3 minutes apart/);
    }
    const again = await runLeadSweep(env.ctx("law_enforcement"), { on: d("2026-11-14") });
    assert.equal(again.raised["duplicate-serial"], 0);
  });

  test("through the sale path: the second authorization of a serial raises leads in its transaction (sales module unchanged)", async () => {
    const shop = await setupShop(env);
    await attachStaff(env.services.db, env.users.dealer.id, shop.dealerId, "owner");
    const other = await setupShop(env);
    const sell = async (who: Parameters<Call>[0], serialNumber: string) => {
      const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
      const r = await call(who, {
        method: "POST",
        url: "/api/v1/sales",
        payload: saleBody(b, { firearm: { serialNumber } }),
      });
      expectStatus(r, 201);
      return { b, answer: json(r) };
    };
    const first = await sell("dealer", "DS-PATH-1");
    assert.equal(first.answer.answer, "authorized");
    assert.equal((await leadsOf(first.b.person.id)).length, 0, "one sale is no lead");
    env.clock.advance(5 * 60_000);
    const second = await sell({ username: other.username }, "ds-path-1");
    assert.equal(second.answer.answer, "authorized");
    assert.equal(second.answer.warnings?.length, 1, "the seller is warned as before");
    const [lead] = await leadsOf(second.b.person.id);
    assert.ok(lead, "a lead about the second buyer");
    assert.equal(lead.raised_by, "sale");
    assert.ok(lead.evidence.firearmSaleIds.includes(first.answer.sale.id));
    assert.equal((await leadsOf(first.b.person.id)).length, 1, "and about the first buyer");
    // The seller's answer says nothing of leads.
    assert.doesNotMatch(JSON.stringify(second.answer), /lead/i);
  });
});
