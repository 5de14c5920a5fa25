/**
 * Sign in, sign out and the start page.
 *
 * User administration for administrators: the users with their lock status, unlocking, and creating a user.
 */
import { statusOf } from "../../http/errors.ts";
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type Ctx } from "../../context.ts";
import { AppError, badField, forbidden } from "../../lib/errors.ts";
import { SESSION_COOKIE, cookieAttributes, loginCsrfToken } from "../../http/cookies.ts";
import {
  login,
  logout,
  createApiKey,
  createUser,
  listApiKeys,
  listUsers,
  revokeApiKey,
  unlockUser,
} from "./service.ts";
import { ROLE_LABELS, ROLES, type Role, type User } from "./roles.ts";
import {
  html,
  csrfField,
  page,
  errorsFrom,
  errorSummary,
  formBody,
  idParam,
  isFormError,
  queryParam,
  requiredNote,
  selectField,
  sendPage,
  signedIn,
  textField,
  UUID,
  type Flash,
  type FormErrors,
  safeNext,
} from "../../web/kit.ts";
import { homeFor } from "../../web/nav.ts";
import { appendAudit } from "../audit/index.ts";

function loginForm(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: (req: FastifyRequest) => Ctx,
  message?: string,
  username = "",
  next?: string,
): string {
  const token = loginCsrfToken(req, reply, makeCtx(req));
  return page(
    req,
    "Sign in",
    html`<h1>Sign in</h1>
  <form class="usa-form" method="post" action="/login">
    <input type="hidden" name="_csrf" value="${token}">
    ${next ? html`<input type="hidden" name="next" value="${next}">` : ""}
    ${message ? html`<div class="usa-alert usa-alert--error usa-alert--slim" role="alert"><div class="usa-alert__body"><p class="usa-alert__text">${message}</p></div></div>` : ""}
    <label class="usa-label" for="username">Username</label>
    <input class="usa-input" id="username" name="username" autocomplete="username" value="${username}" required>
    <label class="usa-label" for="password">Password</label>
    <input class="usa-input" id="password" name="password" type="password" autocomplete="current-password" required>
    <input class="usa-button" type="submit" value="Sign in">
  </form>
  <p class="usa-hint">Sessions end after 30 idle minutes, and 12 hours after you sign in. After five failed sign-ins, signing in with that name waits 10 minutes.</p>`,
  );
}

function setSessionCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: (req: FastifyRequest) => Ctx,
  token: string | null,
): void {
  const attrs = cookieAttributes(req, makeCtx(req));
  reply.header(
    "Set-Cookie",
    token ? `${SESSION_COOKIE}=${token}; ${attrs}` : `${SESSION_COOKIE}=; ${attrs}; Max-Age=0`,
  );
}

export function registerAuthPages(app: FastifyInstance, makeCtx: (req: FastifyRequest) => Ctx): void {
  app.get("/", async (req, reply) => {
    if (req.user) return reply.redirect(homeFor(req.user.role));
    return reply.type("text/html; charset=utf-8").send(
      page(
        req,
        "Stateline",
        html`<h1>Stateline</h1>
      <p class="usa-intro">Connecticut's firearm law, run end to end: credentials, sales, registries and enforcement under Public Act 13-3.</p>
      <ul class="usa-list">
        <li><a href="/login">Sign in</a> as a resident, licensing staff, a dealer, an ammunition vendor, law enforcement, an auditor or an administrator.</li>
        <li><a href="/rules">Read every rule</a> with its citation, dates and plain-language description.</li>
        <li><a href="/check">Check a firearm, magazine or ammunition</a> against the law (nothing is stored).</li>
        <li><a href="/api/docs">API reference</a> for dealers' software and partner systems.</li>
      </ul>`,
      ),
    );
  });

  app.get("/login", async (req, reply) => {
    const next = safeNext((req.query as Record<string, unknown> | undefined)?.next);
    if (req.user && next) return reply.redirect(next, 303);
    return reply.type("text/html; charset=utf-8").send(loginForm(req, reply, makeCtx, undefined, "", next));
  });

  app.post("/login", async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const username = typeof body.username === "string" ? body.username.trim().toLowerCase() : "";
    const password = typeof body.password === "string" ? body.password : "";
    const next = safeNext(body.next);
    if (!username || !password)
      return reply
        .code(400)
        .type("text/html; charset=utf-8")
        .send(loginForm(req, reply, makeCtx, "Enter your username and password.", username, next));
    try {
      const r = await login(makeCtx(req), username, password, { address: req.ip });
      setSessionCookie(req, reply, makeCtx, r.token);
      return reply.redirect(next ?? homeFor(r.user.role), 303);
    } catch (e) {
      if (e instanceof AppError && (e.code === "unauthenticated" || e.code === "locked" || e.code === "rate_limited")) {
        if (e.retryAfterSeconds) reply.header("Retry-After", String(e.retryAfterSeconds));
        return reply
          .code(statusOf(e))
          .type("text/html; charset=utf-8")
          .send(loginForm(req, reply, makeCtx, e.message, username, next));
      }
      throw e;
    }
  });

  app.post("/logout", async (req, reply) => {
    if (req.sessionToken) await logout(makeCtx(req).db, new Date(), req.sessionToken);
    setSessionCookie(req, reply, makeCtx, null);
    return reply.redirect("/", 303);
  });

  app.get("/whoami", async (req, reply) => {
    const u = req.user;
    return reply.type("text/html; charset=utf-8").send(
      page(
        req,
        "Your account",
        html`<h1>Your account</h1>
      ${u ? html`<p>${u.displayName}, ${ROLE_LABELS[u.role]}</p>${csrfField(req)}` : html`<p>You are not signed in.</p>`}`,
      ),
    );
  });
}

type MakeCtx = (req: FastifyRequest) => Ctx;

function requireAdmin(user: User): void {
  if (user.role !== "admin") throw forbidden("only administrators manage users");
}

interface Values {
  username?: string;
  displayName?: string;
  role?: string;
  organization?: string;
  personId?: string;
}

async function usersPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  st: { values?: Values; errors?: FormErrors; flash?: Flash; status?: number } = {},
) {
  requireAdmin(user);
  const ctx = makeCtx(req);
  const users = await listUsers(ctx.db);
  const v = st.values ?? {};
  const errors = st.errors ?? {};
  const done = queryParam(req, "done");
  const who = queryParam(req, "username").slice(0, 64);
  const flash =
    st.flash ??
    (done === "created"
      ? { text: `User ${who} was created.`, type: "success" as const }
      : done === "unlocked"
        ? { text: `User ${who} was unlocked.`, type: "success" as const }
        : undefined);
  return sendPage(
    reply,
    req,
    "Users",
    html`<h1>Users</h1>
    <div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--borderless">
      <caption>All users by role (${users.length})</caption>
      <thead><tr><th scope="col">Username</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Organization</th><th scope="col">Status</th><th scope="col"><span class="usa-sr-only">Actions</span></th></tr></thead>
      <tbody>${users.map(
        (u) => html`<tr>
        <th scope="row">${u.username}</th><td>${u.displayName}</td><td>${ROLE_LABELS[u.role]}</td><td>${u.organization ?? ""}</td>
        <td>${u.locked ? html`<span class="usa-tag stateline-tag stateline-tag--bad">Locked</span>` : html`<span class="usa-tag stateline-tag stateline-tag--good">Active</span>`}</td>
        <td>${u.locked ? html`<form method="post" action="/admin/users/${encodeURIComponent(u.username)}/unlock" class="stateline-inline-form">${csrfField(req)}<button class="usa-button usa-button--outline" type="submit">Unlock<span class="usa-sr-only"> ${u.username}</span></button></form>` : ""}</td>
      </tr>`,
      )}</tbody>
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
    </form>`,
    { status: st.status, flash },
  );
}

export function registerAdminPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  app.get(
    "/admin/users",
    signedIn((req, reply, user) => usersPage(req, reply, makeCtx, user)),
  );

  app.post(
    "/admin/users",
    signedIn(async (req, reply, user) => {
      requireAdmin(user);
      const ctx = makeCtx(req);
      const b = formBody(req);
      const values: Values = {
        username: (b.username ?? "").trim().toLowerCase(),
        displayName: (b.displayName ?? "").trim(),
        role: b.role ?? "",
        organization: (b.organization ?? "").trim(),
        personId: (b.personId ?? "").trim(),
      };
      const password = b.password ?? "";
      const errors: FormErrors = {};
      if (!/^[a-z0-9._@-]{3,64}$/.test(values.username!))
        errors.username = "Use 3 to 64 lowercase letters, digits or . _ @ -";
      if (!values.displayName || values.displayName.length > 100)
        errors.displayName = "Enter the name to show (at most 100 characters)";
      const role = ROLES.find((r) => r === values.role) as Role | undefined;
      if (!role) errors.role = "Choose a role";
      if (password.length < 12 || password.length > 200) errors.password = "The password must be 12 to 200 characters";
      if (values.organization!.length > 100) errors.organization = "At most 100 characters";
      if (values.personId && !UUID.test(values.personId))
        errors.personId = "A person record id looks like 123e4567-e89b-12d3-a456-426614174000";
      if (values.personId && role && role !== "resident")
        errors.personId = "Only resident accounts are linked to a person record";
      if (Object.keys(errors).length) return usersPage(req, reply, makeCtx, user, { values, errors, status: 400 });
      try {
        await ctx.db.tx(async (q) => {
          if (values.personId) {
            const p = await q.query("SELECT 1 FROM people WHERE id = $1", [values.personId]);
            if (!p.length) throw badField("personId", "No person record has this id");
          }
          const created = await createUser(q, {
            username: values.username!,
            displayName: values.displayName!,
            role: role!,
            password,
            passwordCost: ctx.config.passwordCost,
            ...(values.organization ? { organization: values.organization } : {}),
            ...(values.personId ? { personId: values.personId } : {}),
          });
          await appendAudit(q, ctx, {
            action: "user.create",
            entityType: "user",
            entityId: created.id,
            details: { role: created.role },
          });
        });
      } catch (e) {
        if (isFormError(e))
          return usersPage(req, reply, makeCtx, user, {
            values,
            errors: errorsFrom(e, ["username", "displayName", "role", "password", "organization", "personId"]),
            status: statusOf(e),
          });
        throw e;
      }
      return reply.redirect(
        `/admin/users?${new URLSearchParams({ done: "created", username: values.username! })}`,
        303,
      );
    }),
  );

  app.post(
    "/admin/users/:username/unlock",
    signedIn(async (req, reply, user) => {
      requireAdmin(user);
      const username = (req.params as { username: string }).username.slice(0, 64);
      await unlockUser(makeCtx(req), username);
      return reply.redirect(`/admin/users?${new URLSearchParams({ done: "unlocked", username })}`, 303);
    }),
  );
}

// ---------------------------------------------------------------- API keys (issue 8, finding 6)

const KEY_ROLES: readonly string[] = ["dealer", "ammunition_vendor", "admin"];

/** Your API keys (administrators: everyone's), with revocation; a new key is shown once. */
async function apiKeysPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  st: {
    created?: { key: string; label: string };
    errors?: FormErrors;
    label?: string;
    flash?: Flash;
    status?: number;
  } = {},
) {
  const ctx = makeCtx(req);
  const keys = await listApiKeys(ctx);
  const errors = st.errors ?? {};
  const canCreate = KEY_ROLES.includes(ctx.user!.role);
  return sendPage(
    reply,
    req,
    "API keys",
    html`<h1>API keys</h1>
    <p class="usa-intro">Keys let your point-of-sale software use the API. A key is shown once, when it is made; Stateline keeps only its fingerprint. Revoke a key you no longer use or may have lost: it stops working at once.</p>
    ${
      st.created
        ? html`<div class="usa-alert usa-alert--success" role="status"><div class="usa-alert__body"><h2 class="usa-alert__heading">Key "${st.created.label}" made</h2>
      <p class="usa-alert__text">Copy it now; it will not be shown again: <code id="new-key">${st.created.key}</code></p></div></div>`
        : ""
    }
    <div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--borderless" id="api-keys">
      <caption>${ctx.user!.role === "admin" ? "Every API key" : "Your API keys"} (${keys.length})</caption>
      <thead><tr><th scope="col">Key</th><th scope="col">Label</th><th scope="col">Owner</th><th scope="col">Made</th><th scope="col">Status</th><th scope="col"><span class="usa-sr-only">Actions</span></th></tr></thead>
      <tbody>${keys.map(
        (k) => html`<tr>
        <th scope="row"><code>${k.prefix}…</code></th><td>${k.label}</td><td>${k.owner}</td><td>${k.createdAt.slice(0, 10)}</td>
        <td>${k.revokedAt ? html`<span class="usa-tag stateline-tag stateline-tag--bad">Revoked ${k.revokedAt.slice(0, 10)}</span>` : html`<span class="usa-tag stateline-tag stateline-tag--good">Active</span>`}</td>
        <td>${k.revokedAt ? "" : html`<form method="post" action="/account/api-keys/${k.id}/revoke" class="stateline-inline-form">${csrfField(req)}<button class="usa-button usa-button--outline" type="submit">Revoke<span class="usa-sr-only"> ${k.label}</span></button></form>`}</td>
      </tr>`,
      )}</tbody>
    </table></div>
    ${
      canCreate
        ? html`<form class="usa-form" method="post" action="/account/api-keys" novalidate>
      ${errorSummary(errors, { label: "Label" })}
      ${csrfField(req)}
      ${textField({ name: "label", label: "Label", value: st.label, error: errors.label, required: true, hint: 'Where the key is used, for example "Counter 1" (2 to 80 characters)' })}
      <button class="usa-button" type="submit">Make a key</button>
    </form>`
        : ""
    }`,
    { status: st.status, flash: st.flash },
  );
}

export function registerApiKeyPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  app.get(
    "/account/api-keys",
    signedIn((req, reply) => apiKeysPage(req, reply, makeCtx)),
  );
  app.post(
    "/account/api-keys",
    signedIn(async (req, reply, user) => {
      if (!KEY_ROLES.includes(user.role)) throw forbidden("API keys are for sellers' software and administrators");
      const label = (formBody(req).label ?? "").trim();
      if (label.length < 2 || label.length > 80)
        return apiKeysPage(req, reply, makeCtx, {
          errors: { label: "Give the key a label of 2 to 80 characters" },
          label,
          status: 400,
        });
      // Only a signed-in person reaches this page (a session): a key never makes another key.
      const k = await createApiKey(makeCtx(req), user.id, label);
      reply.header("Cache-Control", "no-store");
      return apiKeysPage(req, reply, makeCtx, { created: { key: k.key, label }, status: 201 });
    }),
  );
  app.post(
    "/account/api-keys/:id/revoke",
    signedIn(async (req, reply) => {
      const k = await revokeApiKey(makeCtx(req), idParam(req, "API key"));
      return apiKeysPage(req, reply, makeCtx, {
        flash: { text: `Key ${k.prefix}… "${k.label}" was revoked.`, type: "success" },
      });
    }),
  );
}
