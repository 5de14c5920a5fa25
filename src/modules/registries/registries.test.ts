/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * The registries through the API: 401/403/400 first; a resident's certificate application from
 * draft to issue (with a PDF) and a declaration, idempotent retries, the windows on both sides of
 * 2014-01-01 and of each 90-day window, dealers' certificates of transfer (a dealer sees only its
 * own), counter checks, lost and stolen reports, confidentiality of declarants, and the
 * enforcement link.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, count, expectProblem, expectStatus, json, newResident, type Call } from "../../../test/api/support.ts";
import { runDueJobs } from "../jobs/index.ts";
import { setupShop, buyerWithCredential, saleBody } from "../sales/test-support.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { markRegistrationsOfPerson, lostStolenBySerial } from "./index.ts";
import { registriesModule } from "./module.ts";
import { seedRegistries } from "./seed.ts";
import { sweepWindows } from "./service.ts";

let env: TestEnv;
let call: Call;
const PURPOSE = { "stateline-purpose": "criminal-investigation; investigating an armed robbery, case 2014-118" };
const STAFF_PURPOSE = { "stateline-purpose": "licensing-review; deciding the certificate application" };

const AR15 = {
  make: "Bushmaster",
  model: "XM15",
  serialNumber: "BFI123456",
  caliber: ".223",
  type: "rifle",
  identificationMarks: "engraved 'R.T.' on the lower receiver",
  facts: { action: "semiautomatic", centerfire: true },
};
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("thumbprint-image-bytes"),
]);

const post = (who: any, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  call(who, { method: "POST", url, payload, headers });
const get = (who: any, url: string, headers: Record<string, string> = {}) => call(who, { method: "GET", url, headers });

before(async () => {
  env = await createTestEnv({ today: "2013-12-01" });
  call = caller(env);
});
after(async () => {
  await env.close();
});

describe("registries: refusals first", () => {
  test("401 without a session, 403 for roles that may not, 400 naming the field", async () => {
    expectProblem(await post(null, "/api/v1/registries/drafts", { kind: "aw-certificate" }), 401);
    expectProblem(await post("dealer", "/api/v1/registries/drafts", { kind: "aw-certificate" }), 403);
    expectProblem(await post("licensing_staff", "/api/v1/registries/drafts", { kind: "aw-certificate" }), 403);
    expectProblem(await post("resident", "/api/v1/registries/drafts", { kind: "nope" }), 400, "kind");
    expectProblem(
      await post("resident", "/api/v1/registries/drafts", {
        kind: "aw-certificate",
        firearm: { serialNumber: "<script>" },
      }),
      400,
      "firearm.serialNumber",
    );
    expectProblem(
      await post("resident", "/api/v1/registries/drafts", { kind: "aw-certificate", extra: 1 }),
      400,
      "extra",
    );
    expectProblem(
      await post("resident", "/api/v1/registries/drafts", { kind: "lcm-declaration", firearm: { make: "X" } }),
      400,
      "firearm",
    );
    expectProblem(await get("dealer", "/api/v1/registries/queue"), 403);
    expectProblem(await get("licensing_staff", "/api/v1/registries/registrations/not-a-uuid"), 400, "params.id");
  });

  test("malformed bodies on every write are 4xx naming a field, never 5xx", async () => {
    const bodies: unknown[] = [
      null,
      [],
      "x",
      1,
      { kind: 1 },
      { kind: "aw-certificate", routeEventOn: "2014-02-30" },
      { kind: "lcm-declaration", magazine: { count: -1 } },
      { kind: "lcm-declaration", magazine: { count: 1e12 } },
      { kind: "aw-certificate", thumbprint: { kind: "appointment", on: "x" } },
    ];
    const routes: [any, string][] = [
      ["resident", "/api/v1/registries/drafts"],
      ["resident", "/api/v1/registries/submissions"],
      ["dealer", "/api/v1/registries/transfer-certificates"],
      ["resident", "/api/v1/registries/lost-stolen"],
      ["dealer", "/api/v1/registries/counter/magazine"],
      ["resident", "/api/v1/registries/situations"],
    ];
    for (const [who, url] of routes) {
      for (const b of bodies) {
        const res = await call(who, {
          method: "POST",
          url,
          payload: JSON.stringify(b),
          headers: { "content-type": "application/json" },
        });
        assert.ok(
          res.statusCode >= 400 && res.statusCode < 500,
          `${url} ${JSON.stringify(b)}: ${res.statusCode} ${res.body.slice(0, 200)}`,
        );
      }
    }
  });
});

describe("a resident's certificate application, from draft to issue", () => {
  let id: string;
  test("a draft is saved, edited with its version, and survives (it is a row)", async () => {
    const res = await post("resident", "/api/v1/registries/drafts", {
      kind: "aw-certificate",
      firearm: { make: "Bushmaster" },
    });
    expectStatus(res, 201);
    const r = json(res).registration;
    id = r.id;
    assert.equal(r.status, "draft");
    assert.equal(r.draftVersion, 1);
    const upd = await call("resident", {
      method: "PUT",
      url: `/api/v1/registries/drafts/${id}`,
      payload: {
        draftVersion: 1,
        firearm: { model: "XM15", serialNumber: AR15.serialNumber, caliber: ".223", type: "rifle", facts: AR15.facts },
      },
    });
    expectStatus(upd, 200);
    assert.equal(json(upd).registration.draftVersion, 2);
    assert.equal(json(upd).registration.firearm.make, "Bushmaster", "earlier fields are kept");
    expectProblem(
      await call("resident", {
        method: "PUT",
        url: `/api/v1/registries/drafts/${id}`,
        payload: { draftVersion: 1, firearm: { caliber: "5.56" } },
      }),
      409,
      "draftVersion",
    );
    const other = await newResident(env, { firstName: "Other", lastName: "Person" });
    expectProblem(
      await call(
        { username: other.username },
        { method: "PUT", url: `/api/v1/registries/drafts/${id}`, payload: { draftVersion: 2 } },
      ),
      404,
    );
  });

  test("submitting without a thumbprint names the field; with one it is numbered and classified", async () => {
    expectProblem(await post("resident", `/api/v1/registries/drafts/${id}/submit`, {}), 400, "thumbprint");
    expectProblem(
      await post("resident", `/api/v1/registries/registrations/${id}/thumbprint`, {
        contentType: "image/png",
        dataBase64: Buffer.from("not a png").toString("base64"),
      }),
      400,
      "thumbprint",
    );
    expectStatus(
      await post("resident", `/api/v1/registries/registrations/${id}/thumbprint`, {
        contentType: "image/png",
        dataBase64: PNG.toString("base64"),
      }),
      201,
    );
    const key = randomUUID();
    const a = await post("resident", `/api/v1/registries/drafts/${id}/submit`, {}, { "idempotency-key": key });
    expectStatus(a, 201);
    const b = await post("resident", `/api/v1/registries/drafts/${id}/submit`, {}, { "idempotency-key": key });
    expectStatus(b, 201);
    assert.equal(b.headers["idempotent-replayed"], "true");
    const r = json(a).registration;
    assert.match(r.number, /^AWA-\d{6}$/);
    assert.equal(r.holder.lastName, "Testperson", "the holder's identity comes from their record");
    assert.equal(
      await count(env, "registration_actions WHERE registration_id = $1 AND action = 'submit'", [id]),
      1,
      "one submission stored",
    );
    // The resident holds no credential, so eligibility is unknown: a person decides.
    assert.equal(r.status, "needs-review");
    assert.ok(
      json(a).findings.some((f: any) => f.id.startsWith("weapons.named-2013-rifles") && f.status === "met"),
      JSON.stringify(json(a).findings.map((f: any) => [f.id, f.status])),
    );
  });

  test("the queue shows no identities; opening one needs a purpose; staff decide", async () => {
    const q = json(await get("licensing_staff", "/api/v1/registries/queue?status=needs-review"));
    const item = q.items.find((x: any) => x.id === id);
    assert.ok(item);
    assert.equal(item.holder, undefined, "no holder in the queue");
    expectProblem(await get("licensing_staff", `/api/v1/registries/registrations/${id}`), 400, "purpose");
    const v = json(await get("licensing_staff", `/api/v1/registries/registrations/${id}`, STAFF_PURPOSE));
    assert.equal(v.registration.holder.lastName, "Testperson");
    expectProblem(await post("licensing_staff", `/api/v1/registries/registrations/${id}/issue`, {}), 409);
    const rv = await post("licensing_staff", `/api/v1/registries/registrations/${id}/review`, {
      eligibleForCertificate: true,
    });
    expectStatus(rv, 201);
    assert.equal(json(rv).registration.status, "submitted");
    const iss = await post("licensing_staff", `/api/v1/registries/registrations/${id}/issue`, { note: "checked" });
    expectStatus(iss, 201);
    assert.match(json(iss).registration.certificateNumber, /^AWC-\d{6}$/);
    const pdf = await get("resident", `/registries/${id}/certificate.pdf`);
    expectStatus(pdf, 200);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), "%PDF-");
  });

  test("refusal gives reasons and the appeal route, and a letter", async () => {
    const s = await post("resident", "/api/v1/registries/submissions", {
      kind: "aw-certificate",
      firearm: { ...AR15, serialNumber: "REF0001" },
      thumbprint: { kind: "appointment", on: "2013-12-10" },
    });
    expectStatus(s, 201);
    const rid = json(s).registration.id;
    expectProblem(
      await post("licensing_staff", `/api/v1/registries/registrations/${rid}/refuse`, { reasons: [] }),
      400,
      "reasons",
    );
    const r = json(
      await post("licensing_staff", `/api/v1/registries/registrations/${rid}/refuse`, {
        reasons: ["a disqualifying conviction is on record"],
      }),
    ).registration;
    assert.equal(r.status, "refused");
    assert.equal(r.appeal.to, "Board of Firearms Permit Examiners");
    assert.equal(await count(env, "outbox WHERE dedupe_key = $1", [`registration-refused:${rid}`]), 1);
  });

  test("a firearm that is not an assault weapon is answered so, with the rule", async () => {
    const s = await post("resident", "/api/v1/registries/submissions", {
      kind: "aw-certificate",
      firearm: {
        make: "Remington",
        model: "700",
        serialNumber: "RM700",
        caliber: ".308",
        type: "rifle",
        facts: { action: "other", copyOrDuplicate: false },
      },
      thumbprint: { kind: "appointment", on: "2013-12-10" },
    });
    const r = json(s).registration;
    assert.equal(r.status, "not-covered", JSON.stringify(r));
    assert.match(r.reasons[0], /not an assault weapon/);
  });
});

describe("magazine declarations", () => {
  test("a declaration of 30-round magazines is submitted; a 10-round one is not a large capacity magazine", async () => {
    const a = json(
      await post("resident", "/api/v1/registries/submissions", {
        kind: "lcm-declaration",
        magazine: {
          count: 4,
          capacity: 30,
          caliber: "5.56",
          facts: {
            device: "magazine",
            permanentlyAlteredToTenOrFewer: false,
            caliber22TubeFeedingDevice: false,
            tubularInLeverAction: false,
            permanentlyInoperable: false,
          },
        },
      }),
    );
    assert.equal(a.registration.status, "submitted", JSON.stringify(a));
    const acc = json(await post("licensing_staff", `/api/v1/registries/registrations/${a.registration.id}/issue`, {}));
    assert.equal(acc.registration.status, "declared");
    const b = json(
      await post("resident", "/api/v1/registries/submissions", {
        kind: "lcm-declaration",
        magazine: { count: 2, capacity: 10, description: "Glock 17 magazines" },
      }),
    );
    assert.equal(b.registration.status, "not-covered");
  });

  test("a declaration rides on a credential application only if it is the resident's own", async () => {
    expectProblem(
      await post("resident", "/api/v1/registries/drafts", {
        kind: "lcm-declaration",
        credentialApplicationId: randomUUID(),
      }),
      400,
      "credentialApplicationId",
    );
  });

  test("declarants' names reach only the roles and purposes § 24 allows; refusals are audited", async () => {
    const d = json(
      await post("resident", "/api/v1/registries/submissions", {
        kind: "lcm-declaration",
        magazine: { count: 1, capacity: 15, caliber: "9mm" },
      }),
    ).registration;
    const url = `/api/v1/registries/registrations/${d.id}`;
    const le = json(await get("law_enforcement", url, PURPOSE));
    assert.equal(le.registration.holder.lastName, "Testperson");
    expectStatus(
      await get("dmhas_source", url, {
        "stateline-purpose": "mental-health-treatment; carrying out the gun law duties of DMHAS",
      }),
      200,
    );
    expectProblem(await get("dmhas_source", url, PURPOSE), 403);
    expectProblem(
      await get("law_enforcement", url, { "stateline-purpose": "audit-review; just curious about this record" }),
      403,
    );
    for (const role of [
      "auditor",
      "dealer",
      "trafficking_task_force",
      "board_member",
      "admin",
      "ammunition_vendor",
    ] as const) {
      const before = await count(env, "audit_log WHERE action = 'registry.read-identity' AND outcome = 'denied'");
      const res = await get(role, url, PURPOSE);
      assert.ok(res.statusCode === 403, `${role}: ${res.statusCode}`);
      assert.ok(!res.body.includes("Testperson"), `${role} sees no name`);
      assert.equal(
        await count(env, "audit_log WHERE action = 'registry.read-identity' AND outcome = 'denied'"),
        before + 1,
        `${role}: the refusal is audited`,
      );
    }
    const other = await newResident(env, { firstName: "Nosy", lastName: "Neighbour" });
    expectProblem(await get({ username: other.username }, url, PURPOSE), 403);
    assert.equal(
      await count(
        env,
        "audit_log WHERE action = 'registry.read-identity' AND outcome = 'success' AND entity_id = $1 AND purpose LIKE 'criminal-investigation:%'",
        [d.id],
      ),
      1,
    );
    const search = json(await get("law_enforcement", "/api/v1/registries/search?serialNumber=BFI123456", PURPOSE));
    assert.equal(search.items[0].holder.lastName, "Testperson");
  });
});

describe("the 2014-01-01 deadline and the 90-day windows", () => {
  const lcm = { kind: "lcm-declaration", magazine: { count: 1, capacity: 30, caliber: "5.56" } };
  test("submitted on 2014-01-01 is in time; on 2014-01-02 it goes to a person", async () => {
    env.clock.set("2014-01-01" as PlainDate);
    const a = json(await post("resident", "/api/v1/registries/submissions", lcm));
    assert.notEqual(a.registration.status, "needs-review", JSON.stringify(a.registration.reasons));
    env.clock.set("2014-01-02" as PlainDate);
    const b = json(await post("resident", "/api/v1/registries/submissions", lcm));
    assert.equal(b.registration.status, "needs-review");
    assert.match(b.registration.reasons.join(" "), /2014-01-01/);
  });

  test("service member returning 2014-03-01: day 90 in time, day 91 not", async () => {
    const body = { ...lcm, route: "service-member-return", routeEventOn: "2014-03-01" };
    env.clock.set("2014-05-30" as PlainDate);
    assert.notEqual(
      json(await post("resident", "/api/v1/registries/submissions", body)).registration.status,
      "needs-review",
    );
    env.clock.set("2014-05-31" as PlainDate);
    assert.equal(
      json(await post("resident", "/api/v1/registries/submissions", body)).registration.status,
      "needs-review",
    );
  });

  test("service member transferred in: 90 days after arriving", async () => {
    const body = { ...lcm, route: "service-member-transferred", routeEventOn: "2014-02-01" };
    env.clock.set("2014-05-02" as PlainDate);
    assert.notEqual(
      json(await post("resident", "/api/v1/registries/submissions", body)).registration.status,
      "needs-review",
    );
    env.clock.set("2014-05-03" as PlainDate);
    assert.equal(
      json(await post("resident", "/api/v1/registries/submissions", body)).registration.status,
      "needs-review",
    );
  });

  test("a mover's window is stored with its due date, noticed before it ends, and listed when missed", async () => {
    const mover = await newResident(env, { firstName: "Mover", lastName: "Newcomer", email: "mover@example.test" });
    env.clock.set("2014-02-01" as PlainDate);
    const res = await post({ username: mover.username }, "/api/v1/registries/situations", {
      item: "assault-weapon",
      movedIntoState: true,
      movedIntoStateOn: "2014-02-01",
      lawfullyPossessedBeforeCutoff: false,
      outOfStateServiceMember: false,
      transferredServiceMember: false,
      inherited: false,
    });
    expectStatus(res, 201);
    const o = json(res).obligations.find((x: any) => x.rule === "clocks.mover-disposal");
    assert.equal(o.dueOn, "2014-05-02");
    const sweep = { run: (ctx: ReturnType<TestEnv["ctx"]>) => sweepWindows(ctx) };
    env.clock.set("2014-04-01" as PlainDate);
    await sweep.run(env.ctx(null));
    assert.equal(
      await count(env, "outbox WHERE dedupe_key = $1", [`registry-window:${o.id}:30`]),
      0,
      "not yet 30 days before",
    );
    env.clock.set("2014-04-02" as PlainDate);
    await sweep.run(env.ctx(null));
    assert.equal(await count(env, "outbox WHERE dedupe_key = $1", [`registry-window:${o.id}:30`]), 1, "30 days before");
    env.clock.set("2014-05-02" as PlainDate);
    await sweep.run(env.ctx(null));
    assert.equal(
      json(await get("licensing_staff", "/api/v1/registries/obligations")).items.some((x: any) => x.id === o.id),
      false,
      "the last day is still open",
    );
    env.clock.set("2014-05-03" as PlainDate);
    await sweep.run(env.ctx(null));
    assert.ok(
      json(await get("licensing_staff", "/api/v1/registries/obligations")).items.some((x: any) => x.id === o.id),
      "missed the day after",
    );
    expectProblem(await get("resident", "/api/v1/registries/obligations"), 403);
  });

  test("an heir's 90 days start at the bequest of a certified weapon; an earlier certificate is deemed", async () => {
    env.clock.set("2014-06-01" as PlainDate);
    const heir = await newResident(env, { firstName: "Heir", lastName: "Apparent" });
    const mine = json(await get("resident", "/api/v1/registries/mine"));
    const cert = mine.registrations.find((r: any) => r.status === "issued");
    expectProblem(
      await post("resident", `/api/v1/registries/registrations/${cert.id}/transfer`, {
        to: "bequest",
        on: "2014-06-01",
        recipient: "Heir Apparent",
        heirPersonId: heir.person.id,
      }),
      403,
    );
    const t = await post("licensing_staff", `/api/v1/registries/registrations/${cert.id}/transfer`, {
      to: "bequest",
      on: "2014-06-01",
      recipient: "Heir Apparent",
      heirPersonId: heir.person.id,
    });
    expectStatus(t, 201);
    const obl = await env.services.db.query<{ due_on: string }>(
      "SELECT due_on::text FROM registry_obligations WHERE person_id = $1 AND rule = 'clocks.heir-certificate'",
      [heir.person.id],
    );
    assert.equal(obl[0]?.due_on, "2014-08-30");
    const body = {
      kind: "aw-certificate",
      route: "heir",
      routeEventOn: "2014-06-01",
      firearm: { ...AR15, serialNumber: "HEIR01" },
      thumbprint: { kind: "appointment", on: "2014-07-01" },
    };
    env.clock.set("2014-08-30" as PlainDate);
    const inTime = json(await post({ username: heir.username }, "/api/v1/registries/submissions", body)).registration;
    assert.ok(!inTime.reasons.some((x: string) => /ended/.test(x)), JSON.stringify(inTime.reasons));
    env.clock.set("2014-08-31" as PlainDate);
    const late = json(
      await post({ username: heir.username }, "/api/v1/registries/submissions", {
        ...body,
        firearm: { ...body.firearm, serialNumber: "HEIR02" },
      }),
    ).registration;
    assert.ok(
      late.reasons.some((x: string) => /ended 2014-08-30/.test(x)),
      JSON.stringify(late.reasons),
    );
    const deemed = json(
      await post({ username: heir.username }, "/api/v1/registries/situations", {
        item: "assault-weapon",
        heldCertificateBeforeApril2013: true,
      }),
    );
    assert.deepEqual(deemed.obligations, [], "an earlier certificate needs nothing further by a date");
  });
});

describe("dealers' certificates of transfer", () => {
  let shopA: { username: string; dealerId: string };
  let shopB: { username: string; dealerId: string };
  const tc = (on: string) => ({
    item: "large-capacity-magazine",
    transferOn: on,
    count: 3,
    description: "three 30-round 5.56 magazines",
    transferor: {
      name: "Pat Seller",
      address: "9 Oak Street, Hartford, CT",
      idKind: "drivers-license",
      idNumber: "123456789",
    },
  });
  before(async () => {
    shopA = await setupShop(env);
    shopB = await setupShop(env);
  });

  test("before 2014 they count toward the monthly report; from 2014 each is delivered to DESPP", async () => {
    env.clock.set("2013-12-20" as PlainDate);
    const a = json(
      await post({ username: shopA.username }, "/api/v1/registries/transfer-certificates", tc("2013-12-19")),
    ).certificate;
    assert.equal(a.delivery, "monthly-report");
    assert.equal(a.transferor.idNumber, "…6789");
    const rep = await post({ username: shopA.username }, "/api/v1/registries/transfer-reports", {
      month: "2013-12",
      transfers: 1,
    });
    expectStatus(rep, 201);
    assert.equal(json(rep).report.counted, 1);
    expectProblem(
      await post({ username: shopA.username }, "/api/v1/registries/transfer-reports", {
        month: "2013-12",
        transfers: 1,
      }),
      409,
      "month",
    );
    env.clock.set("2014-01-05" as PlainDate);
    expectProblem(
      await post({ username: shopA.username }, "/api/v1/registries/transfer-reports", {
        month: "2014-01",
        transfers: 1,
      }),
      400,
      "month",
    );
    const b = json(
      await post({ username: shopA.username }, "/api/v1/registries/transfer-certificates", tc("2014-01-05")),
    ).certificate;
    assert.equal(b.delivery, "deliver-to-despp");
    await runDueJobs(env.services, registriesModule.jobs!);
    const staff = json(await get("licensing_staff", `/api/v1/registries/transfer-certificates/${b.id}`)).certificate;
    assert.ok(staff.deliveredAt, "delivered to DESPP's file");
    expectProblem(
      await post({ username: shopA.username }, "/api/v1/registries/transfer-certificates", tc("2014-01-06")),
      400,
      "transferOn",
    );
    expectProblem(
      await post({ username: shopA.username }, "/api/v1/registries/transfer-certificates", {
        ...tc("2014-01-05"),
        item: "assault-weapon",
      }),
      400,
      "serialNumber",
    );
  });

  test("a dealer sees only its own", async () => {
    const mine = json(await get({ username: shopA.username }, "/api/v1/registries/transfer-certificates"));
    assert.ok(mine.items.length >= 2);
    const other = json(await get({ username: shopB.username }, "/api/v1/registries/transfer-certificates"));
    assert.equal(other.items.length, 0);
    expectProblem(
      await get({ username: shopB.username }, `/api/v1/registries/transfer-certificates/${mine.items[0].id}`),
      404,
    );
    expectProblem(await get("resident", "/api/v1/registries/transfer-certificates"), 403);
    expectProblem(await get("law_enforcement", "/api/v1/registries/transfer-certificates"), 403);
    const all = json(await get("licensing_staff", "/api/v1/registries/transfer-certificates"));
    assert.ok(all.items.length >= mine.items.length);
  });
});

describe("the counter", () => {
  test("a magazine over ten rounds is refused unless the buyer is exempt; ten is allowed", async () => {
    const m = {
      device: "magazine",
      capacity: 30,
      readilyRestoredOrConverted: false,
      permanentlyAlteredToTenOrFewer: false,
      caliber22TubeFeedingDevice: false,
      tubularInLeverAction: false,
      permanentlyInoperable: false,
    };
    const refused = json(await post("dealer", "/api/v1/registries/counter/magazine", { magazine: m, buyerRoles: [] }));
    assert.equal(refused.outcome, "refused");
    assert.equal(
      json(
        await post("dealer", "/api/v1/registries/counter/magazine", {
          magazine: m,
          buyerRoles: ["police-member-or-employee"],
        }),
      ).outcome,
      "allowed",
    );
    assert.equal(
      json(await post("dealer", "/api/v1/registries/counter/magazine", { magazine: m })).outcome,
      "needs-review",
      "unknown roles are not a refusal",
    );
    assert.equal(
      json(
        await post("dealer", "/api/v1/registries/counter/magazine", {
          magazine: { ...m, capacity: 10 },
          buyerRoles: [],
        }),
      ).outcome,
      "allowed",
    );
    expectProblem(await post("resident", "/api/v1/registries/counter/magazine", { magazine: m }), 403);
    expectProblem(
      await post("dealer", "/api/v1/registries/counter/magazine", { magazine: m, on: "2012-01-01" }),
      400,
      "on",
    );
  });

  test("armor-piercing and incendiary .50 caliber are refused (§ 32)", async () => {
    const r = json(
      await post("ammunition_vendor", "/api/v1/registries/counter/ammunition", {
        ammunition: {
          nominalCaliber: 0.5,
          designation: "M8 API",
          armorPenetrationCapability: true,
          incendiary: true,
          shotgunShell: false,
        },
        buyerRoles: [],
      }),
    );
    assert.equal(r.outcome, "refused");
  });

  test("an AR-15 is refused for a private buyer; the sale path refuses it too", async () => {
    const r = json(
      await post("dealer", "/api/v1/registries/counter/firearm", {
        firearm: {
          model: "Colt AR-15",
          type: "rifle",
          action: "semiautomatic",
          centerfire: true,
          permanentlyInoperable: false,
        },
        buyerRoles: [],
      }),
    );
    assert.equal(r.outcome, "refused", JSON.stringify(r));
    env.clock.set("2014-03-03" as PlainDate);
    const shop = await setupShop(env);
    const buyer = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    const body = saleBody(buyer, {
      kind: "retail-long-gun",
      firearm: {
        make: "CLT",
        model: "AR-15",
        serialNumber: "ARSALE1",
        caliber: "223",
        type: "RI",
        semiautomatic: true,
        centerfire: true,
      },
    });
    const res = await post({ username: shop.username }, "/api/v1/sales", body);
    expectProblem(res, 400, "firearm.model");
  });
});

describe("lost and stolen", () => {
  test("a report within 72 hours reaches the registration of the serial; a late one carries the penalty", async () => {
    env.clock.set("2014-09-01" as PlainDate);
    const now = env.clock.now().getTime();
    const onTime = await post("resident", "/api/v1/registries/lost-stolen", {
      kind: "stolen",
      serialNumber: "bfi123456",
      circumstances: "taken in a burglary of my home",
      discoveredAt: new Date(now - 71 * 3600_000).toISOString(),
    });
    expectStatus(onTime, 201);
    assert.equal(json(onTime).report.late, false);
    assert.equal(json(onTime).reached.registrations, 1);
    const late = json(
      await post("resident", "/api/v1/registries/lost-stolen", {
        kind: "lost",
        serialNumber: "LOST-1",
        circumstances: "lost on a hunting trip in Maine",
        discoveredAt: new Date(now - 73 * 3600_000).toISOString(),
      }),
    ).report;
    assert.equal(late.late, true);
    assert.match(late.penalty, /class C felony/);
    expectProblem(
      await post("resident", "/api/v1/registries/lost-stolen", {
        kind: "lost",
        serialNumber: "X",
        circumstances: "lost somewhere far away",
        discoveredAt: new Date(now + 3600_000).toISOString(),
      }),
      400,
      "discoveredAt",
    );
    expectProblem(
      await get("law_enforcement", "/api/v1/registries/lost-stolen?serialNumber=BFI123456"),
      400,
      "purpose",
    );
    const found = json(await get("law_enforcement", "/api/v1/registries/lost-stolen?serialNumber=BFI123456", PURPOSE));
    assert.equal(found.items.length, 1);
    assert.equal(found.items[0].reached[0].type, "registration");
    expectProblem(await get("dealer", "/api/v1/registries/lost-stolen?serialNumber=BFI123456", PURPOSE), 403);
    assert.equal((await lostStolenBySerial(env.services.db, "bfi123456")).length, 1);
  });
});

describe("the enforcement link", () => {
  test("a prohibiting event marks the registrations and starts the transfer or surrender obligation", async () => {
    env.clock.set("2014-10-03" as PlainDate);
    const holder = await newResident(env, { firstName: "Marked", lastName: "Holder" });
    const d = json(
      await post({ username: holder.username }, "/api/v1/registries/submissions", {
        kind: "lcm-declaration",
        magazine: { count: 1, capacity: 20, caliber: "9mm" },
        route: "service-member-transferred",
        routeEventOn: "2014-10-01",
      }),
    ).registration;
    expectStatus(await post("licensing_staff", `/api/v1/registries/registrations/${d.id}/issue`, {}), 201);
    const marked = await env.services.db.tx((q) =>
      markRegistrationsOfPerson(env.ctx("licensing_staff"), q, holder.person.id, "event-1"),
    );
    assert.equal(marked.length, 1);
    assert.equal(marked[0]!.dueOn, "2014-10-07", "two business days after Friday 2014-10-03");
    const v = json(await get("law_enforcement", `/api/v1/registries/registrations/${d.id}`, PURPOSE)).registration;
    assert.equal(v.status, "surrender-required");
    assert.equal(v.prohibited, true);
    const t = await post("licensing_staff", `/api/v1/registries/registrations/${d.id}/dispose`, {
      how: "surrendered",
      on: "2014-10-03",
    });
    expectStatus(t, 201);
    assert.equal(
      await count(
        env,
        "registry_obligations WHERE person_id = $1 AND rule = 'criminal-possession.transfer-deadline' AND status = 'met'",
        [holder.person.id],
      ),
      1,
    );
  });
});

describe("demo seed", () => {
  test("seedRegistries fills every state, once", async () => {
    const fresh = await createTestEnv({ today: "2014-04-01" });
    try {
      await setupShop(fresh);
      const out = await seedRegistries(fresh.ctx(null));
      const states = (
        await fresh.services.db.query<{ status: string }>("SELECT DISTINCT status FROM registrations")
      ).map((r) => r.status);
      for (const s of [
        "draft",
        "submitted",
        "needs-review",
        "issued",
        "declared",
        "refused",
        "not-covered",
        "withdrawn",
        "transferred",
        "disposed",
        "surrender-required",
      ])
        assert.ok(states.includes(s), `${s} seeded (${JSON.stringify(out)}: ${states.join(", ")})`);
      assert.equal(await count(fresh, "transfer_certificates WHERE delivery = 'monthly-report'"), 1);
      assert.equal(await count(fresh, "transfer_certificates WHERE delivered_at IS NOT NULL"), 1);
      assert.ok((await count(fresh, "registry_obligations")) > 0);
      assert.deepEqual(await seedRegistries(fresh.ctx(null)), { skipped: 1 });
    } finally {
      await fresh.close();
    }
  });
});
