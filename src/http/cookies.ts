/**
 * Stateline's cookies: the session cookie and the sign-in form's CSRF cookie, with the attributes
 * they are set with. Used by the request pipeline (server.ts) and the sign-in pages.
 */
import { randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Services } from "../context.ts";

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) {
      try {
        out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        /* ignore a malformed cookie */
      }
    }
  }
  return out;
}

export const SESSION_COOKIE = "sl_session";
/** The sign-in form's CSRF cookie (login CSRF): a random value the form must echo as `_csrf`. */
export const LOGIN_CSRF_COOKIE = "sl_login";

/**
 * The attributes of Stateline's cookies: HttpOnly, SameSite=Lax, and Secure
 * whenever Stateline is served over https (config.secureCookies, on by default
 * outside development).
 */
export function cookieAttributes(req: FastifyRequest, services: Pick<Services, "config">): string {
  return `Path=/; HttpOnly; SameSite=Lax${services.config.secureCookies ? "; Secure" : ""}`;
}

/** The login CSRF token for this browser, set on the sign-in form (double-submit cookie). */
export function loginCsrfToken(req: FastifyRequest, reply: FastifyReply, services: Pick<Services, "config">): string {
  const have = parseCookies(req.headers.cookie)[LOGIN_CSRF_COOKIE];
  if (have && /^[A-Za-z0-9_-]{32}$/.test(have)) return have;
  const token = randomBytes(24).toString("base64url");
  void reply.header("Set-Cookie", `${LOGIN_CSRF_COOKIE}=${token}; ${cookieAttributes(req, services)}; Max-Age=7200`);
  return token;
}
