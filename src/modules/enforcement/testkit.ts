/**
 * Test support for the enforcement module (not used by the code): one valid request per
 * enforcement route for the access matrix and the malformed-input fuzzer in test/api
 * (`enforcementRouteCases`), with the records, reviews, obligations and seizures they point at.
 */
import { randomUUID } from "node:crypto";
import type { TestEnv } from "../../../test/helpers.ts";
import type { Req } from "../../../test/api/support.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { addDays } from "../../law/core/dates.ts";
import type { Role } from "../auth/index.ts";
import { createPerson } from "../people/index.ts";
import { holder, registerSeller, seedFirearmSale } from "../ammunition/testkit.ts";
import { receiveRecord } from "./service.ts";
import { recordSeizure } from "./seizures.ts";

interface RouteCase {
  allowed: readonly Role[] | "all" | "public";
  request(role: Role | null): Promise<Req>;
}

const PURPOSE = { "stateline-purpose": "licensing-review; access test of enforcement records" };
let n = 0;
const uid = () => `T${(n += 1)}-${randomUUID().slice(0, 8)}`;
/** A made-up surname nobody else in the test database has (letters only). */
const surname = () =>
  `Zq${randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 8)}${"abcdefghij"[(n += 1) % 10]}son`;

function conviction(subject: { firstName: string; lastName: string; birthDate: string }, on: PlainDate) {
  return {
    kind: "conviction" as const,
    sourceRecordId: `ACC-${uid()}`,
    subject,
    statute: "53a-134",
    offenseOn: addDays(on, -30),
    convictionOn: on,
    felony: true,
  };
}

/** A record body for the feed a role sends on (court for everyone else, so a refusal is about the role). */
function bodyFor(role: Role | null, on: PlainDate): { source: string; record: unknown } {
  const subject = { firstName: "Nemo", lastName: surname(), birthDate: "1970-01-01" };
  if (role === "probate_source")
    return {
      source: "probate",
      record: { kind: "probate-commitment", sourceRecordId: `ACC-${uid()}`, subject, committedOn: addDays(on, -3) },
    };
  if (role === "dmhas_source")
    return {
      source: "dmhas",
      record: {
        kind: "voluntary-admission",
        sourceRecordId: `ACC-${uid()}`,
        subject,
        admittedOn: addDays(on, -3),
        solelyAlcoholOrDrug: false,
      },
    };
  return { source: "court", record: conviction(subject, addDays(on, -3)) };
}

export function enforcementRouteCases(env: TestEnv): Record<string, RouteCase> {
  const today = () => env.clock.today();
  const staff = () => env.ctx("licensing_staff");
  const unmatched = async () =>
    (
      await receiveRecord(
        staff(),
        "court",
        conviction({ firstName: "Nobody", lastName: surname(), birthDate: "1960-01-01" }, addDays(today(), -3)),
      )
    ).record.id;
  /** An open review: a record put in the queue with one candidate (written straight to the tables, whatever the matcher would say). */
  const review = async () => {
    const p = await createPerson(env.services.db, {
      firstName: "Alexandra",
      lastName: surname(),
      birthDate: "1975-05-05" as PlainDate,
      street: "1 Elm Street",
      town: "Hartford",
      zip: "06103",
    });
    const recordId = await unmatched();
    const candidates = [{ personId: p.id, weight: 3, probability: 0.5, decision: "review", reasons: ["fixture"] }];
    const r = await env.services.db.query<{ id: string }>(
      "INSERT INTO match_reviews (feed_record_id, version, candidates, status, opened_on) VALUES ($1,1,$2,'open',$3) RETURNING id::text",
      [recordId, JSON.stringify(candidates), today()],
    );
    await env.services.db.query("UPDATE feed_records SET status = 'review' WHERE id = $1", [recordId]);
    return r[0]!.id;
  };
  const obligation = async () => {
    const h = await holder(env.services.db, today(), {
      kind: "state-handgun-permit",
      firstName: "Oblige",
      lastName: surname(),
      birthDate: `19${50 + (n % 40)}-0${1 + (n % 9)}-1${n % 10}` as PlainDate,
    });
    const dealer = await registerSeller(env, "firearm-dealer");
    await seedFirearmSale(env.services.db, {
      personId: h.person.id,
      dealerId: dealer.id,
      on: addDays(today(), -100),
      handgun: true,
      status: "proceeded",
    });
    const r = await receiveRecord(
      staff(),
      "court",
      conviction(
        { firstName: h.person.firstName, lastName: h.person.lastName, birthDate: h.person.birthDate },
        addDays(today(), -1),
      ),
    );
    if (!r.effects?.obligation)
      throw new Error(`fixture: the conviction did not reach ${h.person.lastName} (${r.status})`);
    return r.effects.obligation.id;
  };
  const seizure = async () =>
    (
      await recordSeizure(env.ctx("law_enforcement"), {
        basis: "domestic-violence",
        seizedOn: today(),
        agency: "Hartford Police Department",
        items: [{ itemKind: "firearm", description: "revolver", quantity: 1, stolen: false }],
      })
    ).id;
  const get = (url: string): Req => ({ method: "GET", url, headers: PURPOSE });
  const senders = ["court_source", "probate_source", "dmhas_source", "licensing_staff"] as const;
  const viewers = ["licensing_staff", "law_enforcement"] as const;
  return {
    "POST /api/v1/feeds/{source}/records": {
      allowed: senders,
      request: async (role) => {
        const b = bodyFor(role, today());
        return { method: "POST", url: `/api/v1/feeds/${b.source}/records`, payload: b.record };
      },
    },
    "POST /api/v1/feeds/{source}/records/batch": {
      allowed: senders,
      request: async (role) => {
        const b = bodyFor(role, today());
        return { method: "POST", url: `/api/v1/feeds/${b.source}/records/batch`, payload: [b.record] };
      },
    },
    "GET /api/v1/feeds/records": {
      allowed: ["licensing_staff"],
      request: async () => get("/api/v1/feeds/records?status=unmatched"),
    },
    "GET /api/v1/feeds/records/{id}": {
      allowed: viewers,
      request: async () => get(`/api/v1/feeds/records/${await unmatched()}`),
    },
    "POST /api/v1/feeds/records/{id}/rematch": {
      allowed: ["licensing_staff"],
      request: async () => ({ method: "POST", url: `/api/v1/feeds/records/${await unmatched()}/rematch`, payload: {} }),
    },
    "GET /api/v1/enforcement/reviews": {
      allowed: ["licensing_staff"],
      request: async () => get("/api/v1/enforcement/reviews"),
    },
    "GET /api/v1/enforcement/reviews/{id}": {
      allowed: ["licensing_staff"],
      request: async () => get(`/api/v1/enforcement/reviews/${await review()}`),
    },
    "POST /api/v1/enforcement/reviews/{id}/decision": {
      allowed: ["licensing_staff"],
      request: async () => ({
        method: "POST",
        url: `/api/v1/enforcement/reviews/${await review()}/decision`,
        payload: { decision: "not-a-match", note: "different person" },
      }),
    },
    "GET /api/v1/enforcement/people/{id}": {
      allowed: viewers,
      request: async () => get(`/api/v1/enforcement/people/${env.resident.id}`),
    },
    "GET /api/v1/enforcement/armed-prohibited": {
      allowed: viewers,
      request: async () => get("/api/v1/enforcement/armed-prohibited"),
    },
    "GET /api/v1/enforcement/counts": {
      allowed: viewers,
      request: async () => ({ method: "GET", url: "/api/v1/enforcement/counts" }),
    },
    "GET /api/v1/enforcement/obligations/{id}": {
      allowed: viewers,
      request: async () => get(`/api/v1/enforcement/obligations/${await obligation()}`),
    },
    "POST /api/v1/enforcement/obligations/{id}/compliance": {
      allowed: viewers,
      request: async () => ({
        method: "POST",
        url: `/api/v1/enforcement/obligations/${await obligation()}/compliance`,
        payload: {
          kind: "surrender",
          surrenderedOn: today(),
          receiptNumber: `R-${uid()}`,
          agency: "State Police Troop H",
          items: [{ itemKind: "firearm", description: "Glock 19" }],
          final: false,
        },
      }),
    },
    "POST /api/v1/enforcement/sweep": {
      allowed: ["licensing_staff", "admin"],
      request: async () => ({ method: "POST", url: "/api/v1/enforcement/sweep", payload: {} }),
    },
    "GET /api/v1/enforcement/matches": {
      allowed: ["auditor", "licensing_staff"],
      request: async () => get("/api/v1/enforcement/matches"),
    },
    "POST /api/v1/enforcement/seizures": {
      allowed: viewers,
      request: async () => ({
        method: "POST",
        url: "/api/v1/enforcement/seizures",
        payload: {
          basis: "risk-warrant",
          seizedOn: today(),
          agency: "Hartford Police Department",
          items: [{ itemKind: "ammunition", description: "9mm", quantity: 50 }],
        },
      }),
    },
    "GET /api/v1/enforcement/seizures": { allowed: viewers, request: async () => get("/api/v1/enforcement/seizures") },
    "GET /api/v1/enforcement/seizures/{id}": {
      allowed: viewers,
      request: async () => get(`/api/v1/enforcement/seizures/${await seizure()}`),
    },
    "POST /api/v1/enforcement/seizures/{id}/actions": {
      allowed: viewers,
      request: async () => ({
        method: "POST",
        url: `/api/v1/enforcement/seizures/${await seizure()}/actions`,
        payload: { action: "schedule-hearing", hearingOn: addDays(today(), 7) },
      }),
    },
  };
}
