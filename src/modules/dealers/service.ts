/**
 * The registry of sellers: federally licensed firearm dealers and ammunition
 * vendors, their locations, and the staff who act for them. A user with the
 * dealer or ammunition_vendor role acts for exactly one seller (dealer_staff).
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import { appendAudit } from "../audit/index.ts";
import { createUser, type User } from "../auth/index.ts";
import { assertTown } from "../people/index.ts";

export type DealerKind = "firearm-dealer" | "ammunition-vendor";
export type DealerStatus = "active" | "suspended" | "revoked";
export type StaffPosition = "owner" | "manager" | "clerk";

export interface Dealer {
  id: string;
  name: string;
  kind: DealerKind;
  fflNumber: string | null;
  statePermitNumber: string | null;
  status: DealerStatus;
  town: string;
  street: string;
  zip: string | null;
}

const COLS = "id::text, name, kind, ffl_number, state_permit_number, status, town, street, zip";
const toDealer = (r: Record<string, any>): Dealer => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  fflNumber: r.ffl_number,
  statePermitNumber: r.state_permit_number,
  status: r.status,
  town: r.town,
  street: r.street,
  zip: r.zip,
});

/** Which statuses a seller may move to. */
export const DEALER_NEXT: Record<DealerStatus, readonly DealerStatus[]> = {
  active: ["suspended", "revoked"],
  suspended: ["active", "revoked"],
  revoked: [],
};

export const dealerPolicy = {
  manageRegistry: (u: User) => u.role === "licensing_staff" || u.role === "admin",
  viewRegistry: (u: User) => ["licensing_staff", "admin", "law_enforcement", "auditor"].includes(u.role),
  /** Owners and managers add clerks to their own shop. */
  manageOwnStaff: (u: User, s: { dealerId: string; position: StaffPosition } | undefined, dealerId: string) =>
    s !== undefined && s.dealerId === dealerId && (s.position === "owner" || s.position === "manager"),
};

export async function findDealer(q: Queryable, id: string): Promise<Dealer | undefined> {
  const r = await q.query(`SELECT ${COLS} FROM dealers WHERE id = $1`, [id]);
  return r[0] ? toDealer(r[0]) : undefined;
}

export async function getDealer(q: Queryable, id: string): Promise<Dealer> {
  const d = await findDealer(q, id);
  if (!d) throw notFound("dealer");
  return d;
}

export async function listDealers(
  q: Queryable,
  opts: { kind?: DealerKind | undefined; status?: DealerStatus | undefined; limit: number; offset: number },
): Promise<Dealer[]> {
  const r = await q.query(
    `SELECT ${COLS} FROM dealers WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR status = $2) ORDER BY name LIMIT $3 OFFSET $4`,
    [opts.kind ?? null, opts.status ?? null, opts.limit, opts.offset],
  );
  return r.map(toDealer);
}

/** The seller a user acts for, with their position; undefined for users who act for none. */
export async function findStaffMembership(
  q: Queryable,
  userId: string,
): Promise<{ dealerId: string; position: StaffPosition } | undefined> {
  const r = await q.query("SELECT dealer_id::text, position FROM dealer_staff WHERE user_id = $1", [userId]);
  return r[0] ? { dealerId: r[0].dealer_id, position: r[0].position } : undefined;
}

/**
 * The active seller the signed-in user acts for. Refuses users who act for
 * none, and sellers that are suspended or revoked (they may not sell).
 */
export async function getActingDealer(ctx: Ctx, kind?: DealerKind): Promise<Dealer> {
  const u = ctx.user;
  if (!u || (u.role !== "dealer" && u.role !== "ammunition_vendor"))
    throw forbidden("only a dealer's or vendor's staff act for a seller");
  // The membership and the seller in one read (every sale and ammunition check starts here).
  const r = await ctx.db.query(
    `SELECT ${COLS.split(", ")
      .map((c) => `d.${c}`)
      .join(", ")} FROM dealer_staff m JOIN dealers d ON d.id = m.dealer_id WHERE m.user_id = $1`,
    [u.id],
  );
  if (!r[0]) throw forbidden("your login is not attached to a dealer or vendor");
  const d = toDealer(r[0]);
  if (d.status !== "active") throw new AppError("forbidden", `this seller's registration is ${d.status}`);
  if (kind === "firearm-dealer" && d.kind !== "firearm-dealer")
    throw forbidden("only a federally licensed firearm dealer may do this");
  return d;
}

export interface NewDealer {
  name: string;
  kind: DealerKind;
  fflNumber?: string | undefined;
  statePermitNumber?: string | undefined;
  town: string;
  street: string;
  zip?: string | undefined;
}

export async function registerDealer(ctx: Ctx, input: NewDealer): Promise<Dealer> {
  if (!ctx.user || !dealerPolicy.manageRegistry(ctx.user)) throw forbidden();
  if (input.kind === "firearm-dealer" && !input.fflNumber)
    throw badField("fflNumber", "a firearm dealer needs its federal firearms licence number");
  return ctx.db.tx(async (q) => {
    await assertTown(q, input.town, "town");
    const dup = await q.query("SELECT 1 FROM dealers WHERE ffl_number = $1 OR state_permit_number = $2", [
      input.fflNumber ?? null,
      input.statePermitNumber ?? null,
    ]);
    if (dup.length)
      throw new AppError("conflict", "a seller with this licence or permit number is already registered", {
        fields: [{ field: "fflNumber", message: "already registered" }],
      });
    const r = await q.query(
      `INSERT INTO dealers (name, kind, ffl_number, state_permit_number, town, street, zip) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING ${COLS}`,
      [
        input.name,
        input.kind,
        input.fflNumber ?? null,
        input.statePermitNumber ?? null,
        input.town,
        input.street,
        input.zip ?? null,
      ],
    );
    const d = toDealer(r[0]!);
    await q.query(
      "INSERT INTO dealer_locations (dealer_id, label, street, town, zip) VALUES ($1,'Main premises',$2,$3,$4)",
      [d.id, d.street, d.town, d.zip],
    );
    await q.query(
      "INSERT INTO dealer_actions (dealer_id, action, to_status, actor_id) VALUES ($1,'register','active',$2)",
      [d.id, ctx.user!.id],
    );
    await appendAudit(q, ctx, {
      action: "dealer.register",
      entityType: "dealer",
      entityId: d.id,
      details: { kind: d.kind },
    });
    return d;
  });
}

export async function changeDealerStatus(ctx: Ctx, dealerId: string, to: DealerStatus, note: string): Promise<Dealer> {
  if (!ctx.user || !dealerPolicy.manageRegistry(ctx.user)) throw forbidden();
  if (!note.trim()) throw badField("note", "say why the status changes");
  return ctx.db.tx(async (q) => {
    const d = await getDealer(q, dealerId);
    if (!DEALER_NEXT[d.status].includes(to)) throw new AppError("conflict", `a ${d.status} seller cannot become ${to}`);
    await q.query("UPDATE dealers SET status = $2 WHERE id = $1", [d.id, to]);
    await q.query(
      "INSERT INTO dealer_actions (dealer_id, action, from_status, to_status, actor_id, note) VALUES ($1,'status',$2,$3,$4,$5)",
      [d.id, d.status, to, ctx.user!.id, note],
    );
    await appendAudit(q, ctx, {
      action: "dealer.status",
      entityType: "dealer",
      entityId: d.id,
      details: { from: d.status, to },
    });
    return { ...d, status: to };
  });
}

/** Adds a login for a seller's staff member. Licensing staff may add anyone; owners and managers add clerks to their own shop. */
export async function addDealerStaff(
  ctx: Ctx,
  dealerId: string,
  input: { username: string; displayName: string; password: string; position: StaffPosition },
): Promise<User> {
  const u = ctx.user;
  if (!u) throw forbidden();
  const mine = await findStaffMembership(ctx.db, u.id);
  const registry = dealerPolicy.manageRegistry(u);
  if (!registry && !dealerPolicy.manageOwnStaff(u, mine, dealerId)) throw forbidden();
  if (!registry && input.position === "owner") throw badField("position", "only licensing staff add an owner");
  return ctx.db.tx(async (q) => {
    const d = await getDealer(q, dealerId);
    const user = await createUser(q, {
      username: input.username,
      displayName: input.displayName,
      password: input.password,
      role: d.kind === "firearm-dealer" ? "dealer" : "ammunition_vendor",
      organization: d.name,
      passwordCost: ctx.config.passwordCost,
    });
    await q.query("INSERT INTO dealer_staff (user_id, dealer_id, position) VALUES ($1,$2,$3)", [
      user.id,
      d.id,
      input.position,
    ]);
    await appendAudit(q, ctx, {
      action: "dealer.staff.add",
      entityType: "dealer",
      entityId: d.id,
      details: { userId: user.id, position: input.position },
    });
    return user;
  });
}

/** Attaches an existing user (demo seed, CLI) to a seller. */
export async function attachStaff(
  q: Queryable,
  userId: string,
  dealerId: string,
  position: StaffPosition,
): Promise<void> {
  await q.query(
    "INSERT INTO dealer_staff (user_id, dealer_id, position) VALUES ($1,$2,$3) ON CONFLICT (user_id) DO UPDATE SET dealer_id = $2, position = $3",
    [userId, dealerId, position],
  );
}

export async function listDealerStaff(
  q: Queryable,
  dealerId: string,
): Promise<{ userId: string; username: string; displayName: string; position: StaffPosition }[]> {
  const r = await q.query(
    "SELECT u.id::text, u.username, u.display_name, s.position FROM dealer_staff s JOIN users u ON u.id = s.user_id WHERE s.dealer_id = $1 ORDER BY s.position, u.username",
    [dealerId],
  );
  return r.map((x) => ({ userId: x.id, username: x.username, displayName: x.display_name, position: x.position }));
}
