/** User administration for administrators: the users with their lock status, unlocking, and creating a user. */
import { statusOf } from "../../http/errors.ts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Ctx } from "../../context.ts";
import { badField, forbidden } from "../../lib/errors.ts";
import { appendAudit } from "../../modules/audit/service.ts";
import { ROLE_LABELS, ROLES, type Role, type User } from "../../modules/auth/roles.ts";
import { createUser, listUsers, unlockUser } from "../../modules/auth/service.ts";
import { html } from "../html.ts";
import { csrfField } from "../layout.ts";
import { errorsFrom, errorSummary, formBody, isFormError, queryParam, requiredNote, selectField, sendPage, signedIn, textField, UUID, type Flash, type FormErrors } from "./common.ts";

type MakeCtx = (req: FastifyRequest) => Ctx;

function requireAdmin(user: User): void {
  if (user.role !== "admin") throw forbidden("only administrators manage users");
}

interface Values { username?: string; displayName?: string; role?: string; organization?: string; personId?: string }

async function usersPage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, user: User, st: { values?: Values; errors?: FormErrors; flash?: Flash; status?: number } = {}) {
  requireAdmin(user);
  const ctx = makeCtx(req);
  const users = await listUsers(ctx.db);
  const v = st.values ?? {};
  const errors = st.errors ?? {};
  const done = queryParam(req, "done");
  const who = queryParam(req, "username").slice(0, 64);
  const flash = st.flash ?? (done === "created" ? { text: `User ${who} was created.`, type: "success" as const } : done === "unlocked" ? { text: `User ${who} was unlocked.`, type: "success" as const } : undefined);
  return sendPage(reply, req, "Users", html`<h1>Users</h1>
    <div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--borderless">
      <caption>All users by role (${users.length})</caption>
      <thead><tr><th scope="col">Username</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Organization</th><th scope="col">Status</th><th scope="col"><span class="usa-sr-only">Actions</span></th></tr></thead>
      <tbody>${users.map((u) => html`<tr>
        <th scope="row">${u.username}</th><td>${u.displayName}</td><td>${ROLE_LABELS[u.role]}</td><td>${u.organization ?? ""}</td>
        <td>${u.locked ? html`<span class="usa-tag stateline-tag stateline-tag--bad">Locked</span>` : html`<span class="usa-tag stateline-tag stateline-tag--good">Active</span>`}</td>
        <td>${u.locked ? html`<form method="post" action="/admin/users/${encodeURIComponent(u.username)}/unlock" class="stateline-inline-form">${csrfField(req)}<button class="usa-button usa-button--outline" type="submit">Unlock<span class="usa-sr-only"> ${u.username}</span></button></form>` : ""}</td>
      </tr>`)}</tbody>
    </table></div>
    <form class="usa-form usa-form--large" method="post" action="/admin/users" novalidate>
      <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Create a user</legend>
      ${requiredNote}
      ${errorSummary(errors, { username: "Username", displayName: "Name shown", role: "Role", password: "Initial password", organization: "Organization", personId: "Person record id" })}
      ${csrfField(req)}
      ${textField({ name: "username", label: "Username", value: v.username, error: errors.username, required: true, autocomplete: "off", hint: "3 to 64 lowercase letters, digits or . _ @ -" })}
      ${textField({ name: "displayName", label: "Name shown", value: v.displayName, error: errors.displayName, required: true, autocomplete: "off" })}
      ${selectField({ name: "role", label: "Role", value: v.role ?? "", empty: "- Select -", required: true, error: errors.role, options: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })) })}
      ${textField({ name: "password", label: "Initial password", type: "password", error: errors.password, required: true, autocomplete: "new-password", hint: "At least 12 characters. Give it to the person by a separate channel." })}
      ${textField({ name: "organization", label: "Organization", value: v.organization, error: errors.organization, hint: "For dealers, vendors, police departments and agencies" })}
      ${textField({ name: "personId", label: "Person record id", value: v.personId, error: errors.personId, hint: "Residents only: the id of their person record" })}
      <button class="usa-button" type="submit">Create user</button>
      </fieldset>
    </form>`, { status: st.status, flash });
}

export function registerAdminPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  app.get("/admin/users", signedIn((req, reply, user) => usersPage(req, reply, makeCtx, user)));

  app.post("/admin/users", signedIn(async (req, reply, user) => {
    requireAdmin(user);
    const ctx = makeCtx(req);
    const b = formBody(req);
    const values: Values = { username: (b.username ?? "").trim().toLowerCase(), displayName: (b.displayName ?? "").trim(), role: b.role ?? "", organization: (b.organization ?? "").trim(), personId: (b.personId ?? "").trim() };
    const password = b.password ?? "";
    const errors: FormErrors = {};
    if (!/^[a-z0-9._@-]{3,64}$/.test(values.username!)) errors.username = "Use 3 to 64 lowercase letters, digits or . _ @ -";
    if (!values.displayName || values.displayName.length > 100) errors.displayName = "Enter the name to show (at most 100 characters)";
    const role = ROLES.find((r) => r === values.role) as Role | undefined;
    if (!role) errors.role = "Choose a role";
    if (password.length < 12 || password.length > 200) errors.password = "The password must be 12 to 200 characters";
    if (values.organization!.length > 100) errors.organization = "At most 100 characters";
    if (values.personId && !UUID.test(values.personId)) errors.personId = "A person record id looks like 123e4567-e89b-12d3-a456-426614174000";
    if (values.personId && role && role !== "resident") errors.personId = "Only resident accounts are linked to a person record";
    if (Object.keys(errors).length) return usersPage(req, reply, makeCtx, user, { values, errors, status: 400 });
    try {
      await ctx.db.tx(async (q) => {
        if (values.personId) {
          const p = await q.query("SELECT 1 FROM people WHERE id = $1", [values.personId]);
          if (!p.length) throw badField("personId", "No person record has this id");
        }
        const created = await createUser(q, {
          username: values.username!, displayName: values.displayName!, role: role!, password, passwordCost: ctx.config.passwordCost,
          ...(values.organization ? { organization: values.organization } : {}), ...(values.personId ? { personId: values.personId } : {}),
        });
        await appendAudit(q, ctx, { action: "user.create", entityType: "user", entityId: created.id, details: { role: created.role } });
      });
    } catch (e) {
      if (isFormError(e)) return usersPage(req, reply, makeCtx, user, { values, errors: errorsFrom(e, ["username", "displayName", "role", "password", "organization", "personId"]), status: statusOf(e) });
      throw e;
    }
    return reply.redirect(`/admin/users?${new URLSearchParams({ done: "created", username: values.username! })}`, 303);
  }));

  app.post("/admin/users/:username/unlock", signedIn(async (req, reply, user) => {
    requireAdmin(user);
    const username = (req.params as { username: string }).username.slice(0, 64);
    await unlockUser(makeCtx(req), username);
    return reply.redirect(`/admin/users?${new URLSearchParams({ done: "unlocked", username })}`, 303);
  }));
}
