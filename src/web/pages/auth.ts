/** Sign in, sign out and the start page. */
import { statusOf } from "../../http/errors.ts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Ctx } from "../../context.ts";
import { AppError } from "../../lib/errors.ts";
import { SESSION_COOKIE } from "../../http/server.ts";
import { login, logout } from "../../modules/auth/service.ts";
import { ROLE_LABELS } from "../../modules/auth/roles.ts";
import { html } from "../html.ts";
import { csrfField, page } from "../layout.ts";
import { homeFor } from "../nav.ts";


function loginForm(req: FastifyRequest, message?: string, username = ""): string {
  return page(req, "Sign in", html`<h1>Sign in</h1>
  <form class="usa-form" method="post" action="/login">
    ${message ? html`<div class="usa-alert usa-alert--error usa-alert--slim" role="alert"><div class="usa-alert__body"><p class="usa-alert__text">${message}</p></div></div>` : ""}
    <label class="usa-label" for="username">Username</label>
    <input class="usa-input" id="username" name="username" autocomplete="username" value="${username}" required>
    <label class="usa-label" for="password">Password</label>
    <input class="usa-input" id="password" name="password" type="password" autocomplete="current-password" required>
    <input class="usa-button" type="submit" value="Sign in">
  </form>
  <p class="usa-hint">Sessions end after 30 idle minutes. Five failed sign-ins lock the account.</p>`);
}

function setSessionCookie(reply: FastifyReply, token: string | null): void {
  const attrs = "Path=/; HttpOnly; SameSite=Lax";
  reply.header("Set-Cookie", token ? `${SESSION_COOKIE}=${token}; ${attrs}` : `${SESSION_COOKIE}=; ${attrs}; Max-Age=0`);
}

export function registerAuthPages(app: FastifyInstance, makeCtx: (req: FastifyRequest) => Ctx): void {
  app.get("/", async (req, reply) => {
    if (req.user) return reply.redirect(homeFor(req.user.role));
    return reply.type("text/html; charset=utf-8").send(page(req, "Stateline", html`<h1>Stateline</h1>
      <p class="usa-intro">Connecticut's firearm law, run end to end: credentials, sales, registries and enforcement under Public Act 13-3.</p>
      <ul class="usa-list">
        <li><a href="/login">Sign in</a> as a resident, licensing staff, a dealer, an ammunition vendor, law enforcement, an auditor or an administrator.</li>
        <li><a href="/rules">Read every rule</a> with its citation, dates and plain-language description.</li>
        <li><a href="/check">Check a firearm, magazine or ammunition</a> against the law (nothing is stored).</li>
        <li><a href="/api/docs">API reference</a> for dealers' software and partner systems.</li>
      </ul>`));
  });

  app.get("/login", async (req, reply) => reply.type("text/html; charset=utf-8").send(loginForm(req)));

  app.post("/login", async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const username = typeof body.username === "string" ? body.username.trim().toLowerCase() : "";
    const password = typeof body.password === "string" ? body.password : "";
    if (!username || !password) return reply.code(400).type("text/html; charset=utf-8").send(loginForm(req, "Enter your username and password.", username));
    try {
      const r = await login(makeCtx(req), username, password);
      setSessionCookie(reply, r.token);
      return reply.redirect(homeFor(r.user.role), 303);
    } catch (e) {
      if (e instanceof AppError && (e.code === "unauthenticated" || e.code === "locked")) {
        return reply.code(statusOf(e)).type("text/html; charset=utf-8").send(loginForm(req, e.message, username));
      }
      throw e;
    }
  });

  app.post("/logout", async (req, reply) => {
    if (req.sessionToken) await logout(makeCtx(req).db, new Date(), req.sessionToken);
    setSessionCookie(reply, null);
    return reply.redirect("/", 303);
  });

  app.get("/whoami", async (req, reply) => {
    const u = req.user;
    return reply.type("text/html; charset=utf-8").send(page(req, "Your account", html`<h1>Your account</h1>
      ${u ? html`<p>${u.displayName}, ${ROLE_LABELS[u.role]}</p>${csrfField(req)}` : html`<p>You are not signed in.</p>`}`));
  });
}
