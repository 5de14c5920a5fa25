/**
 * Demo data: synthetic people spread over Connecticut's 169 towns in
 * proportion to population, deterministic from a seed, with credentials in
 * every state, applications in every state, prohibiting events, and one demo
 * login per role. Nobody here is a real person.
 */
import type { Ctx } from "../context.ts";
import { addDays, addYears, fromEpochDay, toEpochDay, type PlainDate } from "../law/core/dates.ts";
import { credentialTerm } from "../law/ct/credentials/index.ts";
import { createRng, weightedPicker } from "../lib/random.ts";
import { createUser } from "../modules/auth/service.ts";
import type { Role, User } from "../modules/auth/roles.ts";
import * as creds from "../modules/credentials/service.ts";
import { createPerson } from "../modules/people/service.ts";
import { appendAudit } from "../modules/audit/service.ts";
import { ensureTowns, loadNames, loadTowns } from "./reference-data.ts";
import { attachStaff, registerDealer } from "../modules/dealers/service.ts";
import { recordSale, runCheck } from "../modules/ammunition/service.ts";
import { requestSale } from "../modules/sales/service.ts";
import { demoNicsOutcome } from "../adapters/nics/simulator.ts";

export const DEMO_PASSWORD = "stateline-demo-2026";

export const DEMO_USERS: { username: string; displayName: string; role: Role; organization?: string }[] = [
  {
    username: "staff",
    displayName: "Pat Licensing",
    role: "licensing_staff",
    organization: "State Police Special Licensing and Firearms Unit",
  },
  {
    username: "dealer",
    displayName: "Riverside Sporting Goods",
    role: "dealer",
    organization: "Riverside Sporting Goods (FFL 6-06-001-01-7A-00001)",
  },
  {
    username: "vendor",
    displayName: "Nutmeg Ammunition Supply",
    role: "ammunition_vendor",
    organization: "Nutmeg Ammunition Supply",
  },
  {
    username: "police",
    displayName: "Officer Lee",
    role: "law_enforcement",
    organization: "Hartford Police Department",
  },
  { username: "resident", displayName: "Dana Whitfield", role: "resident" },
  { username: "auditor", displayName: "Avery Auditor", role: "auditor", organization: "Auditors of Public Accounts" },
  { username: "admin", displayName: "Sam Admin", role: "admin", organization: "Stateline operations" },
  {
    username: "chief",
    displayName: "Chief Morgan Reyes",
    role: "local_authority",
    organization: "Hartford Police Department (issuing authority)",
  },
  {
    username: "court",
    displayName: "Judicial Branch records feed",
    role: "court_source",
    organization: "Connecticut Judicial Branch",
  },
  {
    username: "probate",
    displayName: "Probate court records feed",
    role: "probate_source",
    organization: "Connecticut Probate Courts",
  },
  {
    username: "dmhas",
    displayName: "DMHAS records feed",
    role: "dmhas_source",
    organization: "Department of Mental Health and Addiction Services",
  },
  {
    username: "taskforce",
    displayName: "Jordan Okafor",
    role: "trafficking_task_force",
    organization: "Office of the Attorney General, trafficking unit",
  },
  {
    username: "board",
    displayName: "Riley Chen",
    role: "board_member",
    organization: "Board of Firearms Permit Examiners",
  },
];

export async function isSeeded(ctx: Ctx): Promise<boolean> {
  const r = await ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
  return (r[0]?.n ?? 0) > 0;
}

export interface SeedOptions {
  seed?: number;
  people?: number;
  onProgress?: (done: number, total: number, label: string) => void;
}

export async function seed(
  ctx: Ctx,
  opts: SeedOptions = {},
): Promise<{ people: number; credentials: number; users: number }> {
  const rng = createRng(opts.seed ?? 2013);
  const peopleCount = opts.people ?? 400;
  const today = ctx.today;
  const towns = loadTowns();
  const names = loadNames();
  const pickTown = weightedPicker(towns.map((t) => t.population));
  const progress = opts.onProgress ?? (() => {});
  await ensureTowns(ctx.db);

  // The demo resident, with an address in Hartford and an ammunition certificate.
  const dana = await createPerson(ctx.db, {
    firstName: "Dana",
    lastName: "Whitfield",
    birthDate: "1985-04-12" as PlainDate,
    birthPlace: "New Haven, CT",
    street: "12 Asylum Street",
    town: "Hartford",
    zip: "06103",
    email: "dana.whitfield@example.test",
  });
  const users: Record<string, User> = {};
  for (const u of DEMO_USERS) {
    users[u.username] = await createUser(ctx.db, {
      ...u,
      password: DEMO_PASSWORD,
      personId: u.role === "resident" ? dana.id : null,
      organization: u.organization ?? null,
      passwordCost: ctx.config.passwordCost,
    });
  }
  const staffCtx: Ctx = { ...ctx, user: users.staff! };

  // The demo sellers, with the demo dealer and vendor logins as their owners.
  const shop = await registerDealer(staffCtx, {
    name: "Riverside Sporting Goods",
    kind: "firearm-dealer",
    fflNumber: "6-06-001-01-7A-00001",
    statePermitNumber: "CT-DLR-0001",
    town: "Glastonbury",
    street: "200 Main Street",
    zip: "06033",
  });
  const ammo = await registerDealer(staffCtx, {
    name: "Nutmeg Ammunition Supply",
    kind: "ammunition-vendor",
    statePermitNumber: "CT-AMMO-0001",
    town: "Meriden",
    street: "45 Colony Street",
    zip: "06451",
  });
  await attachStaff(ctx.db, users.dealer!.id, shop.id, "owner");
  await attachStaff(ctx.db, users.vendor!.id, ammo.id, "owner");

  // Synthetic people and their credentials, inserted in bulk.
  const kinds = creds.CREDENTIAL_KINDS;
  let credentialCount = 0;
  const personIds: string[] = [];
  for (let i = 0; i < peopleCount; i++) {
    const female = rng.chance(0.5);
    const town = towns[pickTown(rng.next())]!;
    const birth = fromEpochDay(toEpochDay(addYears(today, -80)) + rng.int(0, 62 * 365));
    const p = await createPerson(ctx.db, {
      firstName: rng.pick(female ? names.female.slice(0, 300) : names.male.slice(0, 300)),
      middleName: rng.chance(0.6) ? rng.pick(female ? names.female : names.male).slice(0, 1) : null,
      lastName: rng.pick(names.last.slice(0, 2000)),
      birthDate: birth,
      birthPlace: rng.chance(0.7) ? `${rng.pick(towns).name}, CT` : "Springfield, MA",
      street: `${rng.int(1, 999)} ${rng.pick(["Main", "Elm", "Maple", "Church", "High", "Park", "Oak", "Washington", "Prospect", "Center"])} ${rng.pick(["Street", "Road", "Avenue", "Lane"])}`,
      town: town.name,
      zip: String(6001 + rng.int(0, 927)).padStart(5, "0"),
    });
    personIds.push(p.id);
    if (rng.chance(0.45)) {
      const kind = rng.pick(kinds.filter((k) => k !== "temporary-state-permit"));
      // Spread issue dates over the last five years so some expire soon and some already have.
      const issuedOn = addDays(today, -rng.int(0, 5 * 365 + 60));
      const term = credentialTerm(kind, issuedOn);
      const status = term.expiresOn <= today ? "expired" : "active";
      const seq = await ctx.db.query<{ n: number }>("SELECT nextval('credential_number_seq') AS n");
      const prefix = {
        "state-handgun-permit": "SP",
        "handgun-eligibility-certificate": "HE",
        "long-gun-eligibility-certificate": "LE",
        "ammunition-certificate": "AC",
        "temporary-state-permit": "TP",
      }[kind];
      await ctx.db.query(
        "INSERT INTO credentials (number, person_id, kind, status, issued_on, expires_on, fee_cents) VALUES ($1,$2,$3,$4,$5,$6,$7)",
        [`${prefix}-${seq[0]!.n}`, p.id, kind, status, issuedOn, term.expiresOn, 7000],
      );
      credentialCount += 1;
    }
    if (i % 50 === 0) progress(i, peopleCount, "people");
  }
  progress(peopleCount, peopleCount, "people");

  // Flows through the services, so decisions, history, outbox and audit are real.
  const residentCtx: Ctx = { ...ctx, user: users.resident! };
  const dAmmo = await creds.submitApplication(residentCtx, {
    credentialKind: "ammunition-certificate",
    residenceTown: "Hartford",
    citizenOrLawfulResident: true,
    backgroundCheckConsent: true,
    feePaid: true,
  });
  if (dAmmo.application.status === "approvable") await creds.issueCredential(staffCtx, dAmmo.application.id, {});
  await creds.submitApplication(residentCtx, {
    credentialKind: "long-gun-eligibility-certificate",
    residenceTown: "Hartford",
    citizenOrLawfulResident: true,
    backgroundCheckConsent: true,
    feePaid: true,
  });

  const paper = (personId: string, credentialKind: creds.ApplicationInput["credentialKind"], town: string) =>
    creds.submitApplication(staffCtx, {
      personId,
      credentialKind,
      residenceTown: town,
      citizenOrLawfulResident: true,
      backgroundCheckConsent: true,
      feePaid: true,
      attestedNoTemporaryPermitIn12Months: true,
    });
  const townOf = async (id: string) =>
    (await ctx.db.query("SELECT town FROM people WHERE id = $1", [id]))[0]!.town as string;

  // Applications in every state.
  const open: string[] = [];
  for (let i = 0; i < 12; i++) {
    const pid = personIds[i]!;
    const kind = (
      [
        "handgun-eligibility-certificate",
        "long-gun-eligibility-certificate",
        "ammunition-certificate",
        "temporary-state-permit",
      ] as const
    )[i % 4]!;
    const r = await paper(pid, kind, await townOf(pid)).catch(() => undefined);
    if (r) open.push(r.application.id);
  }
  // A person with a recent felony conviction: ineligible.
  const felon = personIds[20]!;
  await creds.recordProhibitingEvent(staffCtx, {
    personId: felon,
    kind: "conviction",
    eventOn: addDays(today, -200),
    offenseOn: addDays(today, -400),
    felony: true,
    statute: "53a-59",
    source: "Superior Court (demo)",
  });
  await paper(felon, "long-gun-eligibility-certificate", await townOf(felon)).catch(() => undefined);
  // Issue two, deny one, withdraw one.
  for (const id of open.slice(0, 2))
    await creds
      .issueCredential(staffCtx, id, {
        reviewNote: "demo: course certificate and suitability reviewed",
        confirmations: { safetyCourse: true, suitability: true },
      })
      .catch(() => undefined);
  if (open[2])
    await creds
      .denyApplication(staffCtx, open[2], "demo: applicant did not complete the safety course")
      .catch(() => undefined);
  if (open[3]) await creds.withdrawApplication(staffCtx, open[3]).catch(() => undefined);

  // A holder who becomes prohibited: revoked, surrender clock running.
  const holders = await ctx.db.query<{ person_id: string }>(
    "SELECT person_id::text FROM credentials WHERE status = 'active' ORDER BY number LIMIT 3",
  );
  if (holders[0])
    await creds.recordProhibitingEvent(staffCtx, {
      personId: holders[0].person_id,
      kind: "protective-order",
      eventOn: addDays(today, -1),
      active: true,
      expiresOn: addDays(today, 180),
      source: "Judicial Branch protective order registry (demo)",
    });

  await demoSales({ ...ctx, user: users.dealer! }, { ...ctx, user: users.vendor! });

  await creds.runDailyJobs(staffCtx);
  await ctx.db.tx((q) =>
    appendAudit(q, ctx, { action: "seed", details: { seed: opts.seed ?? 2013, people: peopleCount } }),
  );
  return { people: peopleCount + 1, credentials: credentialCount, users: DEMO_USERS.length };
}

/**
 * A few sales through the services, so the dealer portal and the ammunition
 * counter have history: firearm sales at the demo dealer (retail long gun and
 * handgun, one private long gun sale through the dealer) and ammunition sales
 * at the demo vendor, each to a holder of an active credential.
 */
async function demoSales(dealerCtx: Ctx, vendorCtx: Ctx): Promise<void> {
  const today = dealerCtx.today;
  const holders = await dealerCtx.db.query<{
    first_name: string;
    last_name: string;
    birth_date: PlainDate;
    birth_place: string | null;
    street: string;
    town: string;
    zip: string | null;
    number: string;
    kind: string;
  }>(
    `SELECT * FROM (
       SELECT p.first_name, p.last_name, p.birth_date, p.birth_place, p.street, p.town, p.zip, c.number, c.kind, row_number() OVER (PARTITION BY c.kind ORDER BY c.number) AS n
       FROM credentials c JOIN people p ON p.id = c.person_id
       WHERE c.status = 'active' AND c.issued_on <= $1 AND c.expires_on > $1 AND c.kind <> 'temporary-state-permit' AND p.birth_date <= $2) x
     WHERE n <= 2 ORDER BY n, kind DESC`,
    [today, addYears(today, -21)],
  );
  for (const [i, h] of holders.entries()) {
    const handgun = h.kind === "state-handgun-permit" || h.kind === "handgun-eligibility-certificate";
    const buyer = {
      firstName: h.first_name,
      lastName: h.last_name,
      birthDate: h.birth_date,
      birthPlace: h.birth_place ?? "Hartford, CT",
      street: h.street,
      town: h.town,
      state: "CT",
      zip: h.zip ?? undefined,
      credentialNumber: h.number,
      idDocument: { type: "drivers-license" as const, number: `D${String(7_000_000 + i)}`, issuer: "CT DMV" },
    };
    if (h.kind !== "ammunition-certificate") {
      const privateSale = !handgun && i === 1;
      await requestSale(dealerCtx, {
        kind: handgun ? "retail-handgun" : privateSale ? "private-long-gun-via-dealer" : "retail-long-gun",
        buyer: { ...buyer, ...(privateSale ? { sex: "U" as const, race: "U" as const } : {}) },
        ...(privateSale
          ? {
              seller: {
                name: "Chris Demoseller",
                street: "7 Orchard Lane",
                town: "Glastonbury",
                state: "CT",
                zip: "06033",
              },
            }
          : {}),
        firearm: handgun
          ? { make: "SW", model: "M&P9 Shield", serialNumber: `DEMO-H${1000 + i}`, caliber: "9", type: "PI" }
          : { make: "MOS", model: "500", serialNumber: `DEMO-L${1000 + i}`, caliber: "12", type: "SP" },
      }).catch(() => undefined);
    }
    if (i < 3) {
      const lines = [
        { type: "centerfire-pistol" as const, caliber: "9mm Luger", brand: "Winchester", quantity: 50 * (i + 1) },
      ];
      const c = await runCheck(vendorCtx, {
        buyer: {
          firstName: h.first_name,
          lastName: h.last_name,
          birthDate: h.birth_date,
          credentialNumber: h.number,
          photoId: { type: "drivers-license", number: buyer.idDocument.number, showsBirthDate: true },
        },
        lines,
      }).catch(() => undefined);
      if (c?.check.outcome === "approved")
        await recordSale(vendorCtx, { checkId: c.check.id, lines }).catch(() => undefined);
    }
    if (i === 3) {
      // A check with a one-letter typo in the buyer's last name: it waits for licensing staff's review
      // (/staff/ammunition-review), so staff and the vendor can see that flow in the demo.
      await runCheck(vendorCtx, {
        buyer: {
          firstName: h.first_name,
          lastName: `${h.last_name.slice(0, -1)}${h.last_name.endsWith("e") ? "a" : "e"}`,
          birthDate: h.birth_date,
          credentialNumber: h.number,
          photoId: { type: "drivers-license", number: buyer.idDocument.number, showsBirthDate: true },
        },
        lines: [{ type: "centerfire-pistol" as const, caliber: "9mm Luger", brand: "Federal", quantity: 50 }],
      }).catch(() => undefined);
    }
  }
  await demoDelayedSales(dealerCtx);
}

/**
 * Sales whose NICS checks the demo simulator delays (demoNicsOutcome in
 * src/adapters/nics/simulator.ts), so a dealer sees and practises the federal
 * three-business-day rule: one check that NICS answers Proceed ten minutes
 * after it began (the sales worker picks it up), one that stays Delayed begun
 * a week ago (the dealer may proceed today), and one begun today (the dealer
 * sees the day from which it may proceed). Without the demo simulator these
 * buyers simply proceed.
 */
async function demoDelayedSales(dealerCtx: Ctx): Promise<void> {
  const today = dealerCtx.today;
  const rows = await dealerCtx.db.query<{
    first_name: string;
    last_name: string;
    birth_date: PlainDate;
    birth_place: string | null;
    street: string;
    town: string;
    zip: string | null;
    number: string;
  }>(
    `SELECT p.first_name, p.last_name, p.birth_date, p.birth_place, p.street, p.town, p.zip, c.number
       FROM credentials c JOIN people p ON p.id = c.person_id
      WHERE c.status = 'active' AND c.issued_on <= $1 AND c.expires_on > $2 AND c.kind IN ('long-gun-eligibility-certificate','handgun-eligibility-certificate','state-handgun-permit')
        AND p.birth_date <= $3 ORDER BY c.number LIMIT 3000`,
    [addDays(today, -10), today, addYears(today, -21)],
  );
  const plan: { outcome: "resolves" | "holds"; daysAgo: number }[] = [
    { outcome: "resolves", daysAgo: 0 },
    { outcome: "holds", daysAgo: 7 },
    { outcome: "holds", daysAgo: 0 },
  ];
  let n = 0;
  for (const h of rows) {
    const i = plan.findIndex(
      (x) => x.outcome === demoNicsOutcome({ firstName: h.first_name, lastName: h.last_name, birthDate: h.birth_date }),
    );
    if (i < 0) continue;
    const step = plan[i]!;
    const on = addDays(today, -step.daysAgo);
    n += 1;
    const r = await requestSale(
      { ...dealerCtx, today: on },
      {
        kind: "retail-long-gun",
        buyer: {
          firstName: h.first_name,
          lastName: h.last_name,
          birthDate: h.birth_date,
          birthPlace: h.birth_place ?? "Hartford, CT",
          street: h.street,
          town: h.town,
          state: "CT",
          zip: h.zip ?? undefined,
          credentialNumber: h.number,
          idDocument: { type: "drivers-license", number: `D${String(7_100_000 + n)}`, issuer: "CT DMV" },
        },
        firearm: {
          make: "MOS",
          model: "590",
          serialNumber: `DEMO-NICS-${step.outcome === "resolves" ? "R" : "H"}${1000 + n}`,
          caliber: "12",
          type: "SP",
        },
        saleDate: on,
      },
    ).catch(() => undefined);
    // Only a sale NICS actually delayed fulfils its step (a buyer barred by the state's records is denied without a check).
    if (r?.sale.status === "delayed" && r.sale.delayReason === "nics-delayed") plan.splice(i, 1);
    if (!plan.length || n > 40) break;
  }
}
