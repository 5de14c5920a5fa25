/**
 * Demo data for schools and campuses: three real districts with their towns' real wealth ranks
 * and rates (Ansonia rank 163, 77.86 %, and New Britain rank 167, 79.29 %, both priority school
 * districts; Fairfield rank 19, 26.43 %; see ../shared/data/README.md), some of their real
 * schools, a 2014 grant round with applications, an allocation and a withdrawal re-run, plans,
 * committees (one missing its parent seat), coordinators, two real campuses, and demo consultants
 * (invented people). Demo users: `schoolsafety` (DESPP), `district` (Ansonia), `parent`
 * (a parent on an Ansonia committee), `campus` (UConn Storrs). Safe to run twice (does nothing
 * the second time).
 */
import type { Ctx } from "../../context.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { createUser, type User } from "../auth/index.ts";
import * as svc from "./service.ts";

const d = (s: string) => s as PlainDate;
const RANKS = [
  { town: "Ansonia", rank: 163 },
  { town: "New Britain", rank: 167 },
  { town: "Fairfield", rank: 19 },
];
const SOURCE =
  "State Department of Education school construction reimbursement rates (CGS § 10-285a), as in the project's data README";

export async function seedSchools(
  ctx: Ctx,
  opts: { password?: string } = {},
): Promise<{ districts: number; campuses: number; users: string[] } | null> {
  if ((await ctx.db.query("SELECT 1 FROM school_districts WHERE code = 'ANSONIA'")).length) return null;
  const password = opts.password ?? "stateline-demo-2026";
  const mkUser = async (username: string, displayName: string, role: User["role"], organization: string) =>
    (await ctx.db.query("SELECT 1 FROM users WHERE username = $1", [username])).length
      ? null
      : createUser(ctx.db, {
          username,
          displayName,
          role,
          password,
          organization,
          passwordCost: ctx.config.passwordCost,
        });
  const despp =
    (await mkUser(
      "schoolsafety",
      "Morgan School-Safety",
      "school_safety_staff",
      "DESPP Division of Emergency Management and Homeland Security",
    )) ??
    ((
      await ctx.db.query(
        "SELECT id::text AS id, username, display_name, role, person_id, organization FROM users WHERE username = 'schoolsafety'",
      )
    )[0] as unknown as User);
  // The program's dates: the grant round is modelled 2013-04-04 to 2015-06-30, so its history is seeded "as of" those days.
  const at = (day: string, user: User = despp): Ctx => ({ ...ctx, user, today: d(day) });
  const st = at("2014-01-06");

  for (const r of RANKS) await svc.setWealthRank(st, r.town, { rank: r.rank, source: SOURCE });
  const ansonia = await svc.createDistrict(st, {
    code: "ANSONIA",
    name: "Ansonia Public Schools",
    kind: "local",
    contactEmail: "superintendent@ansonia.example",
    towns: [{ town: "Ansonia", pupils: 2400 }],
  });
  const nb = await svc.createDistrict(st, {
    code: "NEWBRITAIN",
    name: "New Britain Public Schools",
    kind: "local",
    contactEmail: "superintendent@newbritain.example",
    towns: [{ town: "New Britain", pupils: 10000 }],
  });
  const ff = await svc.createDistrict(st, {
    code: "FAIRFIELD",
    name: "Fairfield Public Schools",
    kind: "local",
    contactEmail: "superintendent@fairfield.example",
    towns: [{ town: "Fairfield", pupils: 10200 }],
  });
  const school = (districtId: string, name: string, town: string) => svc.addSchool(st, districtId, { name, town });
  const ahs = await school(ansonia.id, "Ansonia High School", "Ansonia");
  const ams = await school(ansonia.id, "Ansonia Middle School", "Ansonia");
  const nbhs = await school(nb.id, "New Britain High School", "New Britain");
  const slade = await school(nb.id, "Slade Middle School", "New Britain");
  const ludlowe = await school(ff.id, "Fairfield Ludlowe High School", "Fairfield");
  const tomlinson = await school(ff.id, "Tomlinson Middle School", "Fairfield");

  const users: string[] = ["schoolsafety"];
  const link = async (
    username: string,
    name: string,
    org: { districtId?: string; campusId?: string; parent?: boolean },
    role: User["role"],
    organization: string,
  ) => {
    const u = await mkUser(username, name, role, organization);
    if (!u) return null;
    await svc.linkMember(st, {
      userId: u.id,
      ...(org.districtId ? { districtId: org.districtId } : {}),
      ...(org.campusId ? { campusId: org.campusId } : {}),
      parentOrGuardian: org.parent ?? false,
    });
    users.push(username);
    return u;
  };
  const ansoniaUser = await link(
    "district",
    "Jamie Ansonia",
    { districtId: ansonia.id },
    "district_staff",
    "Ansonia Public Schools",
  );
  await link(
    "parent",
    "Chris Parent",
    { districtId: ansonia.id, parent: true },
    "district_staff",
    "Ansonia High School safety committee (parent)",
  );
  const nbUser = (await mkUser("district-nb", "Robin New Britain", "district_staff", "New Britain Public Schools"))!;
  await svc.linkMember(st, { userId: nbUser.id, districtId: nb.id, parentOrGuardian: false });
  const ffUser = (await mkUser("district-ff", "Taylor Fairfield", "district_staff", "Fairfield Public Schools"))!;
  await svc.linkMember(st, { userId: ffUser.id, districtId: ff.id, parentOrGuardian: false });
  users.push("district-nb", "district-ff");

  // ---- grants: a $1.5 million round, applications, an allocation and a withdrawal re-run
  const round = await svc.createRound(st, {
    name: "School Security Competitive Grant Program, round 1 (FY 2014)",
    budget: 1_500_000,
    opensOn: d("2014-01-06"),
    closesOn: d("2014-03-31"),
  });
  const applyFor = async (
    u: User,
    s: { id: string },
    entrance: "none" | "partial" | "full",
    lines: [string, string, number][],
  ) => {
    const c = at("2014-02-10", u);
    const a = await svc.recordAssessment(c, s.id, {
      assessedOn: d("2014-01-20"),
      supervisedByLocalPolice: true,
      usedSafeSchoolsChecklist: true,
      entranceSecurity: entrance,
      summary: "Walk-through with the local police using the Safe Schools Facilities Check List",
    });
    return svc.submitApplication(c, {
      roundId: round.id,
      emergencyPlanWithFirstResponders: true,
      planPracticed: true,
      practiceFrequency: "monthly lockdown and evacuation drills",
      schools: [
        {
          schoolId: s.id,
          assessmentId: a.id,
          expenses: lines.map(([category, description, amount]) => ({
            category: category as never,
            description,
            amount,
            incurredOn: d("2014-01-31"),
          })),
        },
      ],
    });
  };
  const a1 = await applyFor(ansoniaUser ?? nbUser, ahs, "none", [
    ["penetration-resistant-vestibules", "Main entrance vestibule", 400_000],
    ["surveillance-cameras", "Cameras at all entrances", 150_000],
  ]);
  const a2 = await applyFor(nbUser, slade, "partial", [
    ["electronic-locks", "Computer-controlled locks on exterior doors", 600_000],
    ["entry-door-buzzers", "Buzzer at the main entrance", 40_000],
  ]);
  const a3 = await applyFor(ffUser, tomlinson, "partial", [
    ["ballistic-glass", "Ballistic glass in the front lobby", 900_000],
  ]);
  const a4 = await applyFor(nbUser, nbhs, "partial", [["scan-card-systems", "Scan card readers", 300_000]]);
  const review = at("2014-04-15");
  for (const v of [a1, a2, a3, a4])
    await svc.reviewApplication(review, v.application.id, {
      decision: "approve",
      reason: "Eligible expenses, assessment under police supervision with the checklist, plan practised",
    });
  await svc.runAllocation(review, round.id, { reason: "first allocation" });
  await svc.withdrawApplication(at("2014-05-01", nbUser), a4.application.id, {
    reason: "The board postponed the scan card project",
  });
  await svc.recordPayment(at("2014-09-15", ansoniaUser ?? nbUser), a1.application.id, {
    kind: "claim",
    amount: 200_000,
    on: d("2014-09-15"),
    reference: "Invoice 14-221",
  });

  // ---- plans, drills, committees (2014-15)
  const ac = at("2014-09-30", ansoniaUser ?? nbUser);
  await svc.submitPlan(ac, ahs.id, {
    schoolYear: "2014-15",
    summary: "All-hazards plan reviewed with Ansonia police and fire",
  });
  await svc.reportDrill(ac, ahs.id, {
    schoolYear: "2014-15",
    kind: "fire",
    drilledOn: d("2014-09-12"),
    evaluatedByPolice: true,
    evaluatedByFire: true,
    evaluation: "Building cleared in 4 minutes",
  });
  for (const [name, role] of [
    ["Officer R. Diaz", "local-police-officer"],
    ["Lt. K. Brennan (Ansonia Fire)", "local-first-responder"],
    ["M. Okafor", "teacher-at-school"],
    ["Principal S. Wright", "administrator-at-school"],
    ["J. Patel", "school-psychologist"],
    ["Chris Parent", "parent-or-guardian"],
  ] as const) {
    await svc.addCommitteeMember(ac, ahs.id, { name, role, joinedOn: d("2014-08-25") });
  }
  for (const [name, role] of [
    ["Officer T. Nguyen", "local-police-officer"],
    ["A. Romano", "teacher-at-school"],
    ["Assistant Principal L. Chen", "administrator-at-school"],
  ] as const) {
    await svc.addCommitteeMember(ac, ams.id, { name, role, joinedOn: d("2014-08-25") });
  }
  await svc.reportBehavior(ac, ahs.id, {
    reportedOn: d("2014-09-29"),
    summary: "Safe school climate committee: a student's threatening posts, referred to the district coordinator",
  });
  await svc.appointCoordinator(at("2014-07-01", ansoniaUser ?? nbUser), ansonia.id, {
    name: "Dr. E. Morales",
    email: "coordinator@ansonia.example",
    schoolYear: "2014-15",
    appointedOn: d("2014-07-01"),
  });
  await svc.appointCoordinator(at("2014-07-01", nbUser), nb.id, {
    name: "P. Kowalski",
    schoolYear: "2014-15",
    appointedOn: d("2014-07-01"),
  });
  await svc.appointCoordinator(at("2014-07-01", ffUser), ff.id, {
    name: "H. Lindqvist",
    schoolYear: "2014-15",
    appointedOn: d("2014-07-01"),
  });
  void ludlowe;

  // ---- campuses (§ 92)
  const storrs = await svc.createCampus(st, {
    institution: "University of Connecticut",
    name: "Storrs",
    town: "Mansfield",
    system: "uconn",
    contactEmail: "emergency@uconn.example",
  });
  const ccsu = await svc.createCampus(st, {
    institution: "Central Connecticut State University",
    name: "New Britain",
    town: "New Britain",
    system: "csus",
    contactEmail: "police@ccsu.example",
  });
  const campusUser = await link("campus", "Alex Storrs", { campusId: storrs.id }, "campus_staff", "UConn Storrs");
  if (campusUser) {
    const cc = at("2013-09-20", campusUser);
    await svc.submitProtocolPlan(cc, storrs.id, {
      kind: "initial",
      reviewedWithPoliceChief: true,
      chiefName: "Chief of the UConn Police Department",
    });
    const tc = at("2013-12-15", campusUser);
    for (const [name, seat] of [
      ["Lt. D. Ross", "campus-police-or-security"],
      ["Dean of Students office", "administration"],
      ["Prof. N. Alvarez", "faculty"],
      ["Vice President F. Young", "senior-staff"],
    ] as const) {
      await svc.addTeamMember(tc, storrs.id, { name, seat, trained: true, joinedOn: d("2013-12-15") });
    }
  }
  void ccsu;

  // ---- consultants (invented demo entries)
  const reg = at(ctx.today);
  for (const c of [
    {
      name: "Demo Consultant One",
      employer: "Entryway Security Partners (demo)",
      town: "Hartford",
      services: "Security and vulnerability assessments; vestibule design",
      email: "one@demo.example",
      phone: "860-555-0101",
    },
    {
      name: "Demo Consultant Two",
      employer: "Campus Safety Planning (demo)",
      town: "New Haven",
      services: "All-hazards school safety plans; drill evaluation",
      email: "two@demo.example",
    },
  ])
    await svc.registerConsultant(reg, c);
  return { districts: 3, campuses: 2, users };
}
