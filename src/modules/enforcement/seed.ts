/**
 * Demo data for enforcement, made through the services with the source SIMULATORS: feed accounts
 * for the court, probate and DMHAS feeds; a felony conviction matched automatically (credentials
 * revoked, § 34 obligation open), a conviction with a nickname waiting in the review queue, a
 * protective order with the § 36 ammunition indication, a record nobody matches, an admission
 * solely for alcohol treatment (no effect), a vacated conviction (effects lifted) and a risk-warrant
 * seizure. Run after the main seed (it uses its credential holders). Runs once.
 */
import { randomBytes } from "node:crypto";
import type { Ctx } from "../../context.ts";
import {
  createCourtSimulator,
  createDmhasSimulator,
  createProbateSimulator,
  type SimPerson,
} from "../../adapters/courts/simulator.ts";
import { addDays } from "../../law/core/dates.ts";
import { createUser, type User } from "../auth/index.ts";
import { getPerson } from "../people/index.ts";
import { recordSeizure } from "./seizures.ts";
import { receiveRecord } from "./service.ts";

export async function seedEnforcement(ctx: Ctx): Promise<Record<string, number>> {
  // Runs once: the demo feed accounts mark a database already seeded.
  const existing = await ctx.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM users WHERE username = 'court-feed'",
  );
  if ((existing[0]?.n ?? 0) > 0) return { skipped: 1 };
  const password = randomBytes(18).toString("base64url");
  const mk = (username: string, displayName: string, role: User["role"], organization: string) =>
    createUser(ctx.db, { username, displayName, role, password, organization, passwordCost: ctx.config.passwordCost });
  const courtUser = await mk(
    "court-feed",
    "Judicial Branch records feed",
    "court_source",
    "Connecticut Judicial Branch",
  );
  const probateUser = await mk(
    "probate-feed",
    "Probate courts records feed",
    "probate_source",
    "Probate Court Administration",
  );
  const dmhasUser = await mk(
    "dmhas-feed",
    "DMHAS admissions feed",
    "dmhas_source",
    "Department of Mental Health and Addiction Services",
  );
  const as = (u: User): Ctx => ({ ...ctx, user: u });
  const court = createCourtSimulator({ seed: 2026 });
  const probate = createProbateSimulator({ seed: 2026 });
  const dmhas = createDmhasSimulator({ seed: 2026 });
  const staff = ctx.user?.role === "licensing_staff" ? ctx.user : null;

  // Credential holders from the main seed, firearm buyers first.
  const rows = await ctx.db.query<{ person_id: string }>(
    `SELECT c.person_id::text FROM credentials c WHERE c.status = 'active'
     ORDER BY EXISTS (SELECT 1 FROM sales s WHERE s.buyer_person_id = c.person_id) DESC, c.number LIMIT 6`,
  );
  const people: SimPerson[] = [];
  for (const r of rows) {
    const p = await getPerson(ctx.db, r.person_id);
    people.push({
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: p.birthDate,
      ...(p.street ? { street: p.street } : {}),
      ...(p.town ? { town: p.town } : {}),
      ...(p.zip ? { zip: p.zip } : {}),
    });
  }
  const today = ctx.today;
  const out: Record<string, number> = { records: 0, seizures: 0 };
  const send = async (u: User, source: "court" | "probate" | "dmhas", rec: Parameters<typeof receiveRecord>[2]) => {
    out.records! += 1;
    return receiveRecord(as(u), source, rec);
  };
  if (people[0])
    await send(
      courtUser,
      "court",
      court.conviction(people[0], {
        statute: "53a-134",
        offenseOn: addDays(today, -60),
        convictionOn: addDays(today, -1),
        felony: true,
      }),
    );
  if (people[1])
    await send(
      courtUser,
      "court",
      court.conviction(
        { ...people[1], firstName: people[1].firstName.slice(0, 3) },
        { statute: "53a-61", offenseOn: addDays(today, -40), convictionOn: addDays(today, -2), felony: false },
      ),
    );
  let orderPerson: string | null = null;
  if (people[2]) {
    const r = await send(
      courtUser,
      "court",
      court.order(people[2], {
        issuedOn: addDays(today, -1),
        expiresOn: addDays(today, 180),
        ammunitionIndicated: true,
        firearmsIndicated: true,
      }),
    );
    orderPerson = r.record.personId;
  }
  await send(
    courtUser,
    "court",
    court.conviction(
      { firstName: "Quentin", lastName: "Nobodyknows", birthDate: "1977-03-03" },
      { statute: "53a-60", offenseOn: addDays(today, -90), convictionOn: addDays(today, -5), felony: true },
    ),
  );
  if (people[3])
    await send(
      dmhasUser,
      "dmhas",
      dmhas.admission(people[3], { admittedOn: addDays(today, -10), solelyAlcoholOrDrug: true }),
    );
  if (people[4]) {
    const rec = court.conviction(people[4], {
      statute: "53a-181d",
      offenseOn: addDays(today, -50),
      convictionOn: addDays(today, -20),
      felony: false,
    });
    await send(courtUser, "court", rec);
    await send(courtUser, "court", court.vacate(rec));
  }
  if (people[5])
    await send(
      probateUser,
      "probate",
      probate.commitment(people[5], { committedOn: addDays(today, -3), noise: { swapDayMonth: true } }),
    );
  if (orderPerson && staff) {
    await recordSeizure(
      { ...ctx, user: staff },
      {
        basis: "risk-warrant",
        seizedOn: addDays(today, -1),
        agency: "Hartford Police Department",
        personId: orderPerson,
        items: [
          {
            itemKind: "firearm",
            description: "Smith & Wesson M&P9 pistol",
            serialNumber: "MP9-DEMO-1",
            quantity: 1,
            stolen: false,
          },
          { itemKind: "ammunition", description: "9mm Luger, 115 gr FMJ", quantity: 250, stolen: false },
        ],
      },
    );
    out.seizures! += 1;
  }
  return out;
}
