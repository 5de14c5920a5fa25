/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * Test support for the ammunition and leads modules (not used by the code):
 * sellers with logins, credential holders written straight to the tables,
 * request bodies, crafted sale history, and one valid request per route for
 * the access matrix in test/api (`ammunitionRouteCases`, `leadRouteCases`).
 */
import { randomUUID } from "node:crypto";
import type { TestEnv } from "../../../test/helpers.ts";
import { PASSWORD } from "../../../test/helpers.ts";
import { expectStatus, json, type Call, type Req } from "../../../test/api/support.ts";
import type { Db, Queryable } from "../../db/client.ts";
import { type PlainDate, addDays, addYears } from "../../law/core/dates.ts";
import type { PurchaseType } from "../../law/ct/policy/ammunition-limit.ts";
import type { Role, User } from "../auth/roles.ts";
import { createUser } from "../auth/service.ts";
import { attachStaff, registerDealer, type Dealer } from "../dealers/service.ts";
import { createPerson, type Person } from "../people/service.ts";

let n = 0;
const next = () => (n += 1);

export interface Sellers {
  /** Ammunition vendor whose owner is the `ammunition_vendor` test user. */
  vendor: Dealer;
  /** Firearm dealer whose owner is the `dealer` test user. */
  shop: Dealer;
  /** A second ammunition vendor with its own login. */
  other: Dealer;
  otherUser: User;
}

const FFL_BASE = Math.floor(Math.random() * 50000);

export async function registerSeller(
  env: TestEnv,
  kind: "ammunition-vendor" | "firearm-dealer",
  town = "New Britain",
): Promise<Dealer> {
  const k = next();
  return registerDealer(
    env.ctx("licensing_staff"),
    kind === "firearm-dealer"
      ? {
          name: `Test Arms ${k}`,
          kind,
          // Its own series (the sales kit uses 6-06-002), one number per seller from a base drawn once:
          // random draws per seller collided now and then (a 409 in a fixture).
          fflNumber: `6-06-004-01-7A-${String((FFL_BASE + k) % 100000).padStart(5, "0")}`,
          town,
          street: `${k} Main Street`,
        }
      : {
          name: `Test Ammunition ${k}`,
          kind,
          statePermitNumber: `AV-T${k}-${randomUUID().slice(0, 6)}`,
          town,
          street: `${k} Main Street`,
        },
  );
}

/** A seller with its own owner login (username returned for `caller`). */
export async function sellerWithLogin(
  env: TestEnv,
  kind: "ammunition-vendor" | "firearm-dealer",
  town = "Hartford",
): Promise<{ dealer: Dealer; user: User }> {
  const dealer = await registerSeller(env, kind, town);
  const user = await createUser(env.services.db, {
    username: `seller-${next()}-${randomUUID().slice(0, 6)}`,
    displayName: "Seller",
    role: kind === "firearm-dealer" ? "dealer" : "ammunition_vendor",
    password: PASSWORD,
    passwordCost: 10,
  });
  await attachStaff(env.services.db, user.id, dealer.id, "owner");
  return { dealer, user };
}

export async function setupSellers(env: TestEnv): Promise<Sellers> {
  const vendor = await registerSeller(env, "ammunition-vendor", "New Britain");
  const shop = await registerSeller(env, "firearm-dealer", "Hartford");
  await attachStaff(env.services.db, env.users.ammunition_vendor.id, vendor.id, "owner");
  await attachStaff(env.services.db, env.users.dealer.id, shop.id, "owner");
  const o = await sellerWithLogin(env, "ammunition-vendor", "Bridgeport");
  return { vendor, shop, other: o.dealer, otherUser: o.user };
}

export type Kind =
  | "temporary-state-permit"
  | "state-handgun-permit"
  | "handgun-eligibility-certificate"
  | "long-gun-eligibility-certificate"
  | "ammunition-certificate";
const PREFIX: Record<Kind, string> = {
  "temporary-state-permit": "TP",
  "state-handgun-permit": "SP",
  "handgun-eligibility-certificate": "HE",
  "long-gun-eligibility-certificate": "LE",
  "ammunition-certificate": "AC",
};

export interface Holder {
  person: Person;
  credential: { id: string; number: string; kind: Kind };
}

/** A person holding one credential, written straight to the tables (the credential module's flow is tested there). */
export async function holder(
  db: Queryable,
  today: PlainDate,
  opts: {
    kind?: Kind;
    firstName?: string;
    lastName?: string;
    birthDate?: PlainDate;
    status?: "active" | "revoked" | "expired";
    town?: string;
    street?: string;
    zip?: string;
  } = {},
): Promise<Holder> {
  const kind = opts.kind ?? "long-gun-eligibility-certificate";
  const person = await createPerson(db, {
    firstName: opts.firstName ?? `Buyer${next()}`,
    lastName: opts.lastName ?? "Tester",
    birthDate: opts.birthDate ?? ("1980-02-02" as PlainDate),
    street: opts.street ?? "12 Oak Road",
    town: opts.town ?? "Stamford",
    zip: opts.zip ?? "06901",
  });
  return { person, credential: await addCredential(db, today, person.id, kind, opts.status ?? "active") };
}

export async function addCredential(
  db: Queryable,
  today: PlainDate,
  personId: string,
  kind: Kind,
  status: "active" | "revoked" | "expired" = "active",
): Promise<Holder["credential"]> {
  const seq = await db.query<{ n: number }>("SELECT nextval('credential_number_seq') AS n");
  const number = `${PREFIX[kind]}-${seq[0]!.n}`;
  const issued = addDays(today, -400);
  const r = await db.query<{ id: string }>(
    `INSERT INTO credentials (number, person_id, kind, status, issued_on, expires_on, fee_cents, revoked_on) VALUES ($1,$2,$3,$4,$5,$6,3500,$7) RETURNING id::text`,
    [
      number,
      personId,
      kind,
      status,
      issued,
      status === "expired" ? addDays(today, -1) : addYears(issued, 5),
      status === "revoked" ? addDays(today, -5) : null,
    ],
  );
  return { id: r[0]!.id, number, kind };
}

export const LICENCE_PHOTO_ID = { type: "drivers-license", number: "D1234567", showsBirthDate: true } as const;

/** A check body for a holder: the buyer as on the record, and the lines. */
export function checkBody(
  h: Holder,
  lines: { type: PurchaseType; quantity: number; caliber?: string; brand?: string; capacity?: number }[] = [
    { type: "centerfire-pistol", quantity: 100 },
  ],
  buyer: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    buyer: {
      firstName: h.person.firstName,
      lastName: h.person.lastName,
      birthDate: h.person.birthDate,
      credentialNumber: h.credential.number,
      ...(h.credential.kind === "ammunition-certificate" ? { photoId: LICENCE_PHOTO_ID } : {}),
      ...buyer,
    },
    lines: lines.map((l) => ({
      caliber: l.caliber ?? "9mm Luger",
      brand: l.brand ?? "Winchester",
      type: l.type,
      quantity: l.quantity,
      // A magazine line names its capacity: ten rounds (not a large capacity magazine) unless given.
      ...(l.type === "magazine" ? { capacity: l.capacity ?? 10 } : {}),
    })),
  };
}

export const saleLines = (lines: { type: PurchaseType; quantity: number; capacity?: number }[]) =>
  lines.map((l) => ({
    caliber: "9mm Luger",
    brand: "Winchester",
    type: l.type,
    quantity: l.quantity,
    ...(l.type === "magazine" ? { capacity: l.capacity ?? 10 } : {}),
  }));

/** Checks and records a sale through the API as `who`; returns the check and the sale. */
export async function buy(
  call: Call,
  who: Role | { username: string },
  h: Holder,
  lines: { type: PurchaseType; quantity: number }[],
): Promise<{ check: any; sale: any }> {
  const c = await call(who, { method: "POST", url: "/api/v1/ammunition/checks", payload: checkBody(h, lines) });
  expectStatus(c, 201, "check");
  const check = json(c).check;
  if (check.outcome !== "approved") throw new Error(`check not approved: ${c.body}`);
  const s = await call(who, {
    method: "POST",
    url: "/api/v1/ammunition/sales",
    payload: { checkId: check.id, lines: saleLines(lines) },
  });
  expectStatus(s, 201, "sale");
  return { check, sale: json(s).sale };
}

/**
 * A sale written straight to the tables on any day (a crafted history for the
 * detectors and the limit), with the decision and check it hangs on.
 */
export async function seedSale(
  db: Db,
  o: {
    personId: string;
    credentialId: string;
    dealerId: string;
    on: PlainDate;
    rounds?: number;
    type?: PurchaseType;
    magazines?: number;
  },
): Promise<string> {
  const type = o.type ?? "centerfire-pistol";
  const rounds = o.rounds ?? 100;
  const lines = [
    { type, caliber: "9mm Luger", brand: "Winchester", quantity: rounds },
    ...(o.magazines ? [{ type: "magazine", caliber: "9mm", brand: "Magpul", quantity: o.magazines }] : []),
  ];
  const totalRounds = type === "magazine" ? 0 : rounds;
  const totalMagazines = (type === "magazine" ? rounds : 0) + (o.magazines ?? 0);
  return db.tx(async (q) => {
    const d = await q.query<{ id: string }>(
      "INSERT INTO decisions (question, decided_on, rulebook_version, outcome, result, findings, facts) VALUES ('ammunition-sale',$1,'test','yes','{}','[]','{}') RETURNING id::text",
      [o.on],
    );
    const checkId = randomUUID(),
      saleId = randomUUID(),
      k = next();
    const dealer = await q.query<{ town: string }>("SELECT town FROM dealers WHERE id = $1", [o.dealerId]);
    const user = await q.query<{ id: string }>("SELECT id::text FROM users ORDER BY created_at LIMIT 1");
    await q.query(
      `INSERT INTO ammunition_checks (id, number, dealer_id, clerk_id, checked_on, outcome, person_id, credential_id, credential_number, buyer_first_name, buyer_last_name, buyer_birth_date,
         lines, total_rounds, total_magazines, match_findings, law_decision_id)
       SELECT $1, $2, $3, $4, $5, 'approved', $6, c.id, c.number, p.first_name, p.last_name, p.birth_date, $7, $8, $9, '[]', $10
       FROM credentials c JOIN people p ON p.id = c.person_id WHERE c.id = $11`,
      [
        checkId,
        `AMC-T${k}-${checkId.slice(0, 6)}`,
        o.dealerId,
        user[0]!.id,
        o.on,
        o.personId,
        JSON.stringify(lines),
        totalRounds,
        totalMagazines,
        d[0]!.id,
        o.credentialId,
      ],
    );
    await q.query(
      `INSERT INTO ammunition_sales (id, number, check_id, dealer_id, town, person_id, credential_id, basis, sold_on, clerk_id, total_rounds, total_magazines)
       VALUES ($1,$2,$3,$4,$5,$6,$7,'gun-credential',$8,$9,$10,$11)`,
      [
        saleId,
        `AMS-T${k}-${saleId.slice(0, 6)}`,
        checkId,
        o.dealerId,
        dealer[0]!.town,
        o.personId,
        o.credentialId,
        o.on,
        user[0]!.id,
        totalRounds,
        totalMagazines,
      ],
    );
    for (const [i, l] of lines.entries()) {
      await q.query(
        "INSERT INTO ammunition_sale_lines (sale_id, line_no, type, caliber, brand, quantity) VALUES ($1,$2,$3,$4,$5,$6)",
        [saleId, i + 1, l.type, l.caliber, l.brand, l.quantity],
      );
    }
    return saleId;
  });
}

/**
 * A firearm sale row in table `sales` (migration 005_sales.sql), for the
 * firearm detectors: a retail sale through a dealer with the given status.
 * Written against the columns of 005 as they stand; keep in step with it.
 */
export async function seedFirearmSale(
  db: Queryable,
  o: {
    personId: string;
    dealerId: string;
    on: PlainDate;
    handgun: boolean;
    status: "authorized" | "proceeded" | "denied" | "delayed" | "cancelled";
    delayReason?: "nics-delayed" | "nics-unavailable" | "needs-review" | "waiting-period";
    /** The firearm's serial number and make (a fresh serial and "Glock" unless given). */
    serialNumber?: string;
    make?: string;
    /** When the dealer requested the sale (now unless given). */
    requestedAt?: string;
  },
): Promise<string> {
  const k = next(),
    id = randomUUID();
  const authorized = o.status === "authorized" || o.status === "proceeded";
  await db.query(
    `INSERT INTO sales (id, number, kind, firearm_class, route, channel, dealer_id, status, delay_reason, sale_on, buyer_person_id, buyer_credential_number,
       buyer_first_name, buyer_last_name, buyer_birth_on, buyer_birth_place, buyer_street, buyer_town, buyer_state, buyer_id_type, buyer_id_number, buyer_id_issuer,
       firearm_make, firearm_model, firearm_serial_number, firearm_caliber, firearm_type, authorization_number, authorized_on, cancelled_on, requested_at)
     SELECT $1, $2, $3, $4, 'retail', 'dealer', $5, $6, $7, $8, p.id, 'HE-0000000', p.first_name, p.last_name, p.birth_date, 'Hartford, CT', '1 Main Street', 'Hartford', 'CT',
       'drivers-license', 'D000', 'CT', $15, '19', $9, '9mm', $10, $11, $12, $13, coalesce($16::timestamptz, now()) FROM people p WHERE p.id = $14`,
    [
      id,
      `FS-T${k}-${id.slice(0, 6)}`,
      o.handgun ? "retail-handgun" : "retail-long-gun",
      o.handgun ? "handgun" : "long-gun",
      o.dealerId,
      o.status,
      o.status === "delayed" ? (o.delayReason ?? "nics-delayed") : null,
      o.on,
      o.serialNumber ?? `SN${k}${id.slice(0, 8)}`,
      o.handgun ? "P" : "R",
      authorized ? `AUTH-T${k}-${id.slice(0, 6)}` : null,
      authorized ? o.on : null,
      o.status === "cancelled" ? o.on : null,
      o.personId,
      o.make ?? "Glock",
      o.requestedAt ?? null,
    ],
  );
  return id;
}

/** Row counts of the tables these modules write, for "a refused request writes nothing". */
export const AMMUNITION_TABLES = [
  "ammunition_checks",
  "ammunition_sales",
  "ammunition_sale_lines",
  "policy_settings",
  "leads",
  "lead_actions",
  "cases",
  "case_actions",
  "lead_baselines",
] as const;

// ---------------------------------------------------------------- access matrix entries (for test/api/route-requests.ts)

interface RouteCase {
  allowed: readonly Role[] | "all" | "public";
  request(role: Role | null): Promise<Req>;
}

/**
 * One valid request per ammunition route. Needs the `ammunition_vendor` and
 * `dealer` test users attached to sellers (the access fixtures do this).
 */
export function ammunitionRouteCases(env: TestEnv, call: Call): Record<string, RouteCase> {
  const today = () => env.clock.today();
  const approvedCheck = async (role: Role | null): Promise<string> => {
    const h = await holder(env.services.db, today());
    const who = role === "dealer" ? "dealer" : "ammunition_vendor";
    const r = await call(who, { method: "POST", url: "/api/v1/ammunition/checks", payload: checkBody(h) });
    expectStatus(r, 201, "fixture check");
    return json(r).check.id;
  };
  /** A check that needs review (a one-letter typo in the last name), run by the vendor; sent back when asked. */
  const reviewCheck = async (
    sentBack = false,
    role: Role | null = null,
  ): Promise<{ id: string; credentialId: string }> => {
    const h = await holder(env.services.db, today(), { lastName: "Lindqvist" });
    const r = await call(role === "dealer" ? "dealer" : "ammunition_vendor", {
      method: "POST",
      url: "/api/v1/ammunition/checks",
      payload: checkBody(h, undefined, { lastName: "Lindquist" }),
    });
    expectStatus(r, 201, "fixture review check");
    const id = json(r).check.id as string;
    if (sentBack)
      expectStatus(
        await call("licensing_staff", {
          method: "POST",
          url: `/api/v1/ammunition/checks/${id}/review/return`,
          payload: { recheck: ["name"] },
        }),
        200,
        "fixture send-back",
      );
    return { id, credentialId: h.credential.id };
  };
  const PURPOSE = { "stateline-purpose": "audit-review; access matrix test" };
  return {
    "GET /api/v1/ammunition/checks/{id}": {
      allowed: ["dealer", "ammunition_vendor"],
      request: async (role) => ({
        method: "GET",
        url: `/api/v1/ammunition/checks/${(await reviewCheck(false, role)).id}`,
      }),
    },
    "GET /api/v1/ammunition/checks/{id}/review": {
      allowed: ["licensing_staff"],
      request: async () => ({
        method: "GET",
        url: `/api/v1/ammunition/checks/${(await reviewCheck()).id}/review`,
        headers: PURPOSE,
      }),
    },
    "POST /api/v1/ammunition/checks/{id}/review/authorize": {
      allowed: ["licensing_staff"],
      request: async () => {
        const c = await reviewCheck();
        return {
          method: "POST",
          url: `/api/v1/ammunition/checks/${c.id}/review/authorize`,
          payload: { credentialId: c.credentialId, note: "identity confirmed from the licence" },
        };
      },
    },
    "POST /api/v1/ammunition/checks/{id}/review/deny": {
      allowed: ["licensing_staff"],
      request: async () => ({
        method: "POST",
        url: `/api/v1/ammunition/checks/${(await reviewCheck()).id}/review/deny`,
        payload: { reason: "the buyer could not be identified" },
      }),
    },
    "POST /api/v1/ammunition/checks/{id}/review/return": {
      allowed: ["licensing_staff"],
      request: async () => ({
        method: "POST",
        url: `/api/v1/ammunition/checks/${(await reviewCheck()).id}/review/return`,
        payload: { recheck: ["name"] },
      }),
    },
    "POST /api/v1/ammunition/checks/{id}/correction": {
      allowed: ["dealer", "ammunition_vendor"],
      request: async (role) => ({
        method: "POST",
        url: `/api/v1/ammunition/checks/${(await reviewCheck(true, role)).id}/correction`,
        payload: { buyer: { lastName: "Lindqvist" } },
      }),
    },
    "POST /api/v1/ammunition/checks": {
      allowed: ["dealer", "ammunition_vendor"],
      request: async () => ({
        method: "POST",
        url: "/api/v1/ammunition/checks",
        payload: checkBody(await holder(env.services.db, today())),
      }),
    },
    "POST /api/v1/ammunition/sales": {
      allowed: ["dealer", "ammunition_vendor"],
      request: async (role) => ({
        method: "POST",
        url: "/api/v1/ammunition/sales",
        payload: {
          checkId: await approvedCheck(role),
          lines: saleLines([{ type: "centerfire-pistol", quantity: 100 }]),
        },
      }),
    },
    "GET /api/v1/ammunition/sales": {
      allowed: ["dealer", "ammunition_vendor", "licensing_staff", "law_enforcement"],
      request: async () => ({
        method: "GET",
        url: "/api/v1/ammunition/sales",
        headers: { "stateline-purpose": "audit-review; access matrix test" },
      }),
    },
    "GET /api/v1/ammunition/reports": {
      allowed: ["licensing_staff", "law_enforcement"],
      request: async () => ({
        method: "GET",
        url: "/api/v1/ammunition/reports?groupBy=vendor",
        headers: { "stateline-purpose": "audit-review; access matrix test" },
      }),
    },
    "GET /api/v1/policies/ammunition-limit": {
      allowed: "public",
      request: async () => ({ method: "GET", url: "/api/v1/policies/ammunition-limit" }),
    },
    "PUT /api/v1/policies/ammunition-limit": {
      allowed: ["admin"],
      request: async () => ({
        method: "PUT",
        url: "/api/v1/policies/ammunition-limit",
        payload: { settings: { enabled: false }, note: `access test ${next()}` },
      }),
    },
  };
}

/** One valid request per leads route; each creates the lead it acts on. */
export function leadRouteCases(env: TestEnv): Record<string, RouteCase> {
  const lead = async (): Promise<string> => {
    const db = env.services.db;
    const h = await holder(db, env.clock.today());
    const v = await registerSeller(env, "ammunition-vendor");
    const saleId = await seedSale(db, {
      personId: h.person.id,
      credentialId: h.credential.id,
      dealerId: v.id,
      on: env.clock.today(),
    });
    const r = await db.query<{ id: string }>(
      `INSERT INTO leads (number, person_id, detector, window_start, window_end, reason, evidence, status, raised_on, raised_by)
       VALUES ($1,$2,'many-vendors',$3,$3,'fixture lead',$4,'open',$3,'sweep') RETURNING id::text`,
      [
        `L-T${next()}-${randomUUID().slice(0, 6)}`,
        h.person.id,
        env.clock.today(),
        JSON.stringify({ ammunitionSaleIds: [saleId] }),
      ],
    );
    await db.query("INSERT INTO lead_actions (lead_id, action, to_status) VALUES ($1,'raise','open')", [r[0]!.id]);
    return r[0]!.id;
  };
  const investigators = ["law_enforcement", "licensing_staff"] as const;
  return {
    "GET /api/v1/leads": {
      allowed: investigators,
      request: async () => ({ method: "GET", url: "/api/v1/leads?purpose=access%20test" }),
    },
    "GET /api/v1/leads/{id}": {
      allowed: investigators,
      request: async () => ({ method: "GET", url: `/api/v1/leads/${await lead()}?purpose=access%20test` }),
    },
    "POST /api/v1/leads/{id}/dismiss": {
      allowed: investigators,
      request: async () => ({
        method: "POST",
        url: `/api/v1/leads/${await lead()}/dismiss`,
        payload: { reason: "bought for a club match" },
      }),
    },
    "POST /api/v1/leads/{id}/open-case": {
      allowed: investigators,
      request: async () => ({ method: "POST", url: `/api/v1/leads/${await lead()}/open-case`, payload: {} }),
    },
    "POST /api/v1/leads/sweep": {
      allowed: [...investigators, "admin"],
      request: async () => ({ method: "POST", url: "/api/v1/leads/sweep", payload: {} }),
    },
    "GET /api/v1/cases/{id}": {
      allowed: investigators,
      request: async () => {
        const id = await lead();
        const c = await env.services.db.query<{ id: string }>(
          "INSERT INTO cases (number, person_id, title, status, opened_on, opened_by) SELECT $1, person_id, 'fixture case', 'open', $2, $3 FROM leads WHERE id = $4 RETURNING id::text",
          [`C-T${next()}-${randomUUID().slice(0, 6)}`, env.clock.today(), env.users.law_enforcement.id, id],
        );
        return { method: "GET", url: `/api/v1/cases/${c[0]!.id}?purpose=access%20test` };
      },
    },
  };
}
