/**
 * HTTP routes of the Board of Firearms Permit Examiners' docket (CGS § 29-32b; PA 13-3 §§ 60-61).
 * Pipeline: authenticate (route), validate (schemas), authorize and act (service), present.
 */
import { z } from "zod";
import { route } from "../../http/route.ts";
import {
  ContinuanceInput,
  DecisionInput,
  DocketQuery,
  FileAppeal,
  MeetingInput,
  PaperAppeal,
  SeatInput,
  StatementInput,
} from "./schemas.ts";
import { presentAppeal, presentMeeting, presentNumbers, presentSeat } from "./present.ts";
import * as svc from "./service.ts";

const BOARD = ["board_member"];
const DOCKET = ["board_member", "licensing_staff", "local_authority"];
const Id = z.object({ id: z.uuid() });

export const appealRoutes = [
  route({
    method: "GET",
    url: "/api/v1/appeals/appealable",
    tags: ["appeals"],
    auth: "user",
    roles: ["resident"],
    summary: "My denials and revocations I may appeal, each with its findings and the last day to file",
    handler: async (ctx) => ({ items: await svc.myAppealable(ctx) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/appeals",
    tags: ["appeals"],
    auth: "user",
    roles: ["resident"],
    idempotent: true,
    summary: "File an appeal online from a denial or revocation letter (the decision and its findings are attached)",
    description:
      "Filed within 90 days of the decision (CGS § 29-32b(b)); a later filing is accepted and marked late for the Board to decide, never refused automatically.",
    body: FileAppeal,
    handler: async (ctx, { body }) => ({ appeal: presentAppeal(await svc.fileAppeal(ctx, body)) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/appeals/mine",
    tags: ["appeals"],
    auth: "user",
    roles: ["resident"],
    summary: "My appeals",
    handler: async (ctx) => ({ items: (await svc.myAppeals(ctx)).map(presentAppeal) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/appeals/paper",
    tags: ["appeals"],
    auth: "user",
    roles: BOARD,
    idempotent: true,
    summary: "Key a paper appeal with the day the Board received it",
    body: PaperAppeal,
    handler: async (ctx, { body }) => ({ appeal: presentAppeal(await svc.filePaperAppeal(ctx, body)) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/appeals/docket",
    tags: ["appeals"],
    auth: "user",
    roles: DOCKET,
    summary: "The docket in order of filing (the Board; the issuing authorities)",
    query: DocketQuery,
    handler: async (ctx, { query }) => {
      const r = await svc.listDocket(ctx, query);
      return { total: r.total, items: r.items.map(presentAppeal) };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/appeals/docket/ages",
    tags: ["appeals"],
    auth: "user",
    roles: DOCKET,
    summary:
      "Each open appeal's age and its hearing date, or the expected one from the meeting calendar and the Board's pace",
    handler: async (ctx) => ({ items: await svc.docketAges(ctx) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/appeals/{id}",
    tags: ["appeals"],
    auth: "user",
    roles: [...DOCKET, "resident"],
    summary: "One appeal with its history (the Board, the issuing authority, the appellant)",
    params: Id,
    handler: async (ctx, { params }) => {
      const r = await svc.getAppeal(ctx, params.id);
      return { appeal: presentAppeal(r.appeal), history: r.history, next: r.next };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/appeals/{id}/statement",
    tags: ["appeals"],
    auth: "user",
    roles: ["licensing_staff", "local_authority", "board_member"],
    idempotent: true,
    successStatus: 200,
    summary:
      "The issuing authority's written statement of reasons (due 10 days before the hearing; a late one gives the appellant relief at once)",
    params: Id,
    body: StatementInput,
    handler: async (ctx, { params, body }) => ({
      appeal: presentAppeal(await svc.fileStatement(ctx, params.id, body)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/appeals/{id}/continuance",
    tags: ["appeals"],
    auth: "user",
    roles: BOARD,
    idempotent: true,
    successStatus: 200,
    summary: "Continue the hearing to the next scheduled meeting (the official: once, for good cause, § 61)",
    params: Id,
    body: ContinuanceInput,
    handler: async (ctx, { params, body }) => ({
      appeal: presentAppeal(await svc.continueHearing(ctx, params.id, body)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/appeals/{id}/decision",
    tags: ["appeals"],
    auth: "user",
    roles: BOARD,
    idempotent: true,
    successStatus: 200,
    summary: "The Board's decision; relief orders the credential issued or restored, which Stateline carries out",
    params: Id,
    body: DecisionInput,
    handler: async (ctx, { params, body }) => ({ appeal: presentAppeal(await svc.decideAppeal(ctx, params.id, body)) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/appeals/{id}/withdraw",
    tags: ["appeals"],
    auth: "user",
    roles: [...BOARD, "resident"],
    idempotent: true,
    successStatus: 200,
    summary: "Withdraw an appeal (the appellant, or the Board's staff on a written withdrawal)",
    params: Id,
    body: z.object({}).strict().default({}),
    handler: async (ctx, { params }) => ({ appeal: presentAppeal(await svc.withdrawAppeal(ctx, params.id)) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/appeals/meetings",
    tags: ["appeals"],
    auth: "user",
    roles: DOCKET,
    summary: "The Board's scheduled meetings from today, with booked hearing slots",
    handler: async (ctx) => ({ items: (await svc.listMeetings(ctx)).map(presentMeeting) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/appeals/meetings",
    tags: ["appeals"],
    auth: "user",
    roles: BOARD,
    idempotent: true,
    summary: "Add a Board meeting with its number of hearing slots",
    body: MeetingInput,
    handler: async (ctx, { body }) => ({ meeting: presentMeeting(await svc.addMeeting(ctx, body)) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/appeals/schedule",
    tags: ["appeals"],
    auth: "user",
    roles: BOARD,
    successStatus: 200,
    summary:
      "Schedule waiting appeals in order of filing at the earliest meetings with free slots (at least 21 days ahead); notices go out",
    handler: async (ctx) => svc.scheduleDocket(ctx),
  }),
  route({
    method: "GET",
    url: "/api/v1/appeals/board",
    tags: ["appeals"],
    auth: "public",
    summary: "The Board's nine seats (§ 60) with their appointing sources and members",
    handler: async (ctx) => {
      const b = await svc.boardComposition(ctx);
      return { seatsByLaw: b.seatsByLaw, seats: b.seats.map(presentSeat) };
    },
  }),
  route({
    method: "PUT",
    url: "/api/v1/appeals/board/seats/{seat}",
    tags: ["appeals"],
    auth: "user",
    roles: ["board_member", "admin"],
    summary: "Record the member appointed to a seat",
    params: z.object({ seat: z.coerce.number().int().min(1).max(9) }),
    body: SeatInput,
    handler: async (ctx, { params, body }) => ({ seat: presentSeat(await svc.appointMember(ctx, params.seat, body)) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/appeals/numbers",
    tags: ["appeals"],
    auth: "public",
    summary:
      "Public figures: backlog, ages, the Board's pace, the expected hearing date for a new appeal, outcomes (no personal data)",
    handler: async (ctx) => presentNumbers(await svc.docketNumbers(ctx.db, ctx.today)),
  }),
];
