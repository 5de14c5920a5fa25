/**
 * Demo data for the registries: certificate applications and magazine declarations in every
 * state (draft to surrender-required), windows, certificates of transfer (counted monthly and
 * delivered to DESPP) and a lost-gun report. Made through the services, as of December 2013 (the
 * deadline month), by demo residents and a demo licensing officer. Runs once: a database that
 * already has registrations is left alone.
 */
import { randomBytes } from "node:crypto";
import type { Ctx } from "../../context.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { createUser, type User } from "../auth/index.ts";
import { listDealers } from "../dealers/index.ts";
import { createPerson } from "../people/index.ts";
import { reportLostStolen } from "./lost-stolen.ts";
import { insertTransferCertificate, markDelivered } from "./queries.ts";
import * as svc from "./service.ts";

const DECEMBER = "2013-12-15" as PlainDate;

const PEOPLE = [
  {
    firstName: "Avery",
    lastName: "Registrant",
    birthDate: "1961-02-11",
    street: "14 Maple Avenue",
    town: "Glastonbury",
    zip: "06033",
  },
  {
    firstName: "Jordan",
    lastName: "Declarant",
    birthDate: "1972-08-30",
    street: "3 River Road",
    town: "Danbury",
    zip: "06810",
  },
  {
    firstName: "Casey",
    lastName: "Collector",
    birthDate: "1955-05-05",
    street: "77 Hill Street",
    town: "Torrington",
    zip: "06790",
  },
  {
    firstName: "Morgan",
    lastName: "Prohibited",
    birthDate: "1980-12-01",
    street: "9 Bank Street",
    town: "Waterbury",
    zip: "06702",
  },
] as const;

const AR = (serial: string) => ({
  make: "Bushmaster",
  model: "XM15",
  serialNumber: serial,
  caliber: ".223",
  type: "rifle" as const,
  identificationMarks: "none beyond the factory marks",
  facts: { action: "semiautomatic" as const, centerfire: true },
});
const APPT = { kind: "appointment" as const, on: "2013-12-20" as PlainDate };
const MAG = (count: number, capacity: number) => ({ count, capacity, caliber: "5.56" });

export async function seedRegistries(ctx: Ctx): Promise<Record<string, number>> {
  const existing = await ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM registrations");
  if ((existing[0]?.n ?? 0) > 0) return { skipped: 1 };
  const password = randomBytes(18).toString("base64url");
  const staff: User =
    ctx.user?.role === "licensing_staff"
      ? ctx.user
      : await createUser(ctx.db, {
          username: "registry-demo-officer",
          displayName: "Registry demo officer",
          role: "licensing_staff",
          password,
          passwordCost: ctx.config.passwordCost,
        });
  const users: User[] = [];
  for (const [i, p] of PEOPLE.entries()) {
    const person = await createPerson(ctx.db, { ...p, birthDate: p.birthDate as PlainDate, email: null });
    users.push(
      await createUser(ctx.db, {
        username: `registry-demo-${i + 1}`,
        displayName: `${p.firstName} ${p.lastName}`,
        role: "resident",
        password,
        personId: person.id,
        passwordCost: ctx.config.passwordCost,
      }),
    );
  }
  const as = (u: User, today: PlainDate = DECEMBER): Ctx => ({ ...ctx, user: u, today });
  const [a, b, c, d] = users as [User, User, User, User];
  const officer = as(staff);

  // draft, withdrawn
  await svc.createDraft(as(a), { kind: "aw-certificate", firearm: { make: "Colt", model: "AR-15 Sporter" } });
  const w = await svc.createDraft(as(b), { kind: "lcm-declaration", magazine: { count: 2 } });
  await svc.withdrawRegistration(as(b), w.id);
  // submitted (a declaration the rulebook cleared), declared, transferred to a dealer
  await svc.submitNew(as(b), { kind: "lcm-declaration", magazine: MAG(5, 30) });
  const declared = await svc.submitNew(as(b), { kind: "lcm-declaration", magazine: MAG(3, 20) });
  await svc.issueRegistration(officer, declared.registration.id);
  const sold = await svc.submitNew(as(c), { kind: "lcm-declaration", magazine: MAG(2, 30) });
  await svc.issueRegistration(officer, sold.registration.id);
  await svc.transferRegistration(as(c, "2013-12-28" as PlainDate), sold.registration.id, {
    to: "dealer",
    on: "2013-12-28" as PlainDate,
    recipient: "a licensed dealer",
  });
  // needs-review (eligibility not known), issued, refused, disposed
  await svc.submitNew(as(a), { kind: "aw-certificate", firearm: AR("DEMO-AW-0001"), thumbprint: APPT });
  const issued = await svc.submitNew(as(a), { kind: "aw-certificate", firearm: AR("DEMO-AW-0002"), thumbprint: APPT });
  await svc.reviewRegistration(officer, issued.registration.id, { eligibleForCertificate: true });
  await svc.issueRegistration(officer, issued.registration.id, "demo");
  const refused = await svc.submitNew(as(c), { kind: "aw-certificate", firearm: AR("DEMO-AW-0003"), thumbprint: APPT });
  await svc.refuseRegistration(officer, refused.registration.id, [
    "the applicant did not possess the weapon on 2013-04-03 (a purchase receipt dated 2013-05-02)",
  ]);
  const disposed = await svc.submitNew(as(c), {
    kind: "aw-certificate",
    firearm: AR("DEMO-AW-0004"),
    thumbprint: APPT,
  });
  await svc.reviewRegistration(officer, disposed.registration.id, { eligibleForCertificate: true });
  await svc.issueRegistration(officer, disposed.registration.id);
  await svc.disposeRegistration(as(c, "2014-02-01" as PlainDate), disposed.registration.id, {
    how: "rendered-inoperable",
    on: "2014-02-01" as PlainDate,
  });
  // not covered: ten-round magazines
  await svc.submitNew(as(b), {
    kind: "lcm-declaration",
    magazine: { count: 4, capacity: 10, description: "pistol magazines, 10 rounds" },
  });
  // surrender required: a declared holder a prohibiting event reached
  const marked = await svc.submitNew(as(d), { kind: "lcm-declaration", magazine: MAG(1, 30) });
  await svc.issueRegistration(officer, marked.registration.id);
  await ctx.db.tx((q) =>
    svc.markRegistrationsOfPerson(as(staff, "2014-03-03" as PlainDate), q, d.personId!, "demo-event-1"),
  );
  // windows: a newcomer's 90 days, and the general deadline for a holder who has not yet declared
  await svc.recordSituation(as(a, "2014-02-03" as PlainDate), {
    item: "assault-weapon",
    movedIntoState: true,
    movedIntoStateOn: "2014-02-03" as PlainDate,
    lawfullyPossessedBeforeCutoff: false,
    outOfStateServiceMember: false,
    transferredServiceMember: false,
    inherited: false,
  });
  await svc.recordSituation(as(c, "2013-11-01" as PlainDate), {
    item: "large-capacity-magazine",
    lawfullyPossessedBeforeCutoff: true,
    outOfStateServiceMember: false,
    transferredServiceMember: false,
    movedIntoState: false,
    inherited: false,
  });
  // a lost-gun report
  await reportLostStolen(as(a), {
    kind: "stolen",
    serialNumber: "DEMO-AW-0002",
    circumstances: "stolen from a locked vehicle in a parking garage",
    discoveredAt: new Date(ctx.clock.now().getTime() - 24 * 3600_000).toISOString(),
  });
  // certificates of transfer: one counted monthly (before 2014), one delivered to DESPP
  let transferCertificates = 0;
  const dealer = (await listDealers(ctx.db, { kind: "firearm-dealer", status: "active", limit: 1, offset: 0 }))[0];
  if (dealer) {
    const base = {
      dealerId: dealer.id,
      item: "large-capacity-magazine" as const,
      count: 2,
      description: "two 30-round 5.56 magazines",
      serialNumber: null,
      transferor: {
        name: "Casey Collector",
        address: "77 Hill Street, Torrington, CT 06790",
        idKind: null,
        idNumber: null,
      },
      dealer: {
        name: dealer.name,
        address: `${dealer.street}, ${dealer.town}, CT`,
        idNumber: null,
        ffl: dealer.fflNumber ?? "",
      },
      registrationId: sold.registration.id,
    };
    await insertTransferCertificate(
      ctx.db,
      { ...base, transferOn: "2013-12-28" as PlainDate, delivery: "monthly-report" },
      staff.id,
    );
    const after = await insertTransferCertificate(
      ctx.db,
      { ...base, registrationId: null, transferOn: "2014-01-10" as PlainDate, delivery: "deliver-to-despp" },
      staff.id,
    );
    await markDelivered(ctx.db, after.id, ctx.clock.now());
    transferCertificates = 2;
  }
  const n = await ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM registrations");
  return { registrations: n[0]!.n, transferCertificates, lostStolen: 1 };
}
