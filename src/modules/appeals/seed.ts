/**
 * Demo data for the Board's docket, made through the services: members in the nine seats, a
 * meeting every four weeks for the next six months, and appeals from revocations of credential
 * holders of the main seed (a protective order each): one filed last month with its statement,
 * one without a statement, one withdrawn, all scheduled in order of filing. Run after the main
 * seed. Runs once.
 */
import { randomBytes } from "node:crypto";
import type { Ctx } from "../../context.ts";
import { type PlainDate, addDays } from "../../law/core/dates.ts";
import { createUser, type User } from "../auth/index.ts";
import { recordProhibitingEvent } from "../credentials/index.ts";
import * as svc from "./service.ts";

const MEMBERS = [
  "Hon. Margaret Delaney (ret.)",
  "Samuel Okafor",
  "Chief Ana Ruiz (ret.)",
  "Walter Lindqvist",
  "Evelyn Marsh",
  "Priya Raman",
  "Gordon Pike",
  "Hon. Thomas Ashford (ret.)",
  "Dr. Helen Cho",
];

async function userOf(
  ctx: Ctx,
  role: "board_member" | "licensing_staff",
  username: string,
  display: string,
): Promise<User> {
  const r = await ctx.db.query(
    "SELECT id::text, username, display_name, role, person_id::text, organization FROM users WHERE role = $1 ORDER BY created_at LIMIT 1",
    [role],
  );
  if (r[0])
    return {
      id: r[0].id,
      username: r[0].username,
      displayName: r[0].display_name,
      role,
      personId: r[0].person_id,
      organization: r[0].organization,
    };
  return createUser(ctx.db, {
    username,
    displayName: display,
    role,
    password: randomBytes(18).toString("base64url"),
    organization: role === "board_member" ? "Board of Firearms Permit Examiners" : "DESPP",
    passwordCost: ctx.config.passwordCost,
  });
}

/** Seeds the docket; answers counts. */
export async function seedAppeals(ctx: Ctx): Promise<Record<string, number>> {
  const existing = await ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM board_meetings");
  if ((existing[0]?.n ?? 0) > 0) return { skipped: 1 };
  const board: Ctx = {
    ...ctx,
    user: await userOf(ctx, "board_member", "board-staff", "Board of Firearms Permit Examiners staff"),
  };
  const staff: Ctx = { ...ctx, user: await userOf(ctx, "licensing_staff", "firearms-unit", "DESPP firearms unit") };
  for (const [i, name] of MEMBERS.entries()) await svc.appointMember(board, i + 1, { memberName: name });
  // Meetings every four weeks from three weeks ahead.
  const first = addDays(ctx.today, 23);
  for (let k = 0; k < 7; k += 1)
    await svc.addMeeting(board, {
      meetingOn: addDays(first, 28 * k),
      hearingSlots: 4,
      location: "1111 Country Club Road, Middletown",
    });

  const holders = await ctx.db.query<{ person_id: string }>(
    "SELECT DISTINCT person_id::text FROM credentials WHERE status = 'active' ORDER BY person_id LIMIT 5",
  );
  let filed = 0;
  for (const [i, h] of holders.entries()) {
    // Revoked some weeks ago (the revocation takes the date of the day it was recorded).
    const on = addDays(ctx.today, -40 + 3 * i) as PlainDate;
    const r = await recordProhibitingEvent(
      { ...staff, today: on },
      { personId: h.person_id, kind: "protective-order", eventOn: on, active: true, source: "Superior Court (demo)" },
    );
    const revoked = r.credentials.find((c) => c.action === "revoked");
    if (!revoked) continue;
    const a = await svc.filePaperAppeal(board, {
      personId: h.person_id,
      subjectType: "credential",
      subjectId: revoked.credentialId,
      grounds: "The protective order was issued ex parte and has since been vacated.",
      filedOn: addDays(on, 5) as PlainDate,
    });
    filed += 1;
    if (i === 4) await svc.withdrawAppeal(board, a.id);
  }
  const scheduled = await svc.scheduleDocket(board);
  const withStatement = await ctx.db.query<{ id: string }>(
    "SELECT id::text FROM appeals WHERE status = 'scheduled' ORDER BY filed_on LIMIT 2",
  );
  for (const a of withStatement)
    await svc.fileStatement(staff, a.id, {
      text: "A protective order against the holder was in force on the day of the revocation (CGS § 29-36k; PA 13-3 § 36).",
    });
  return { seats: MEMBERS.length, meetings: 7, appeals: filed, scheduled: scheduled.scheduled };
}
