import type { FastifyRequest } from "fastify";
import type { AppError } from "../lib/errors.ts";
import { html } from "./html.ts";
import { page } from "./layout.ts";
import { humanField } from "./form-kit.ts";

export function renderErrorPage(req: FastifyRequest, e: AppError, status: number): string {
  const title =
    status === 404
      ? "Page not found"
      : status === 401
        ? "Please sign in"
        : status === 403
          ? "Not allowed"
          : status >= 500
            ? "Something went wrong"
            : "Please check your entry";
  return page(
    req,
    title,
    html`<h1>${title}</h1>
  <div class="usa-alert usa-alert--error" role="alert"><div class="usa-alert__body"><p class="usa-alert__text">${status === 404 && e.message.startsWith("no route ") ? "There is no page at this address. Check the address, or start again from the start page." : e.message}</p>
  ${e.fields.length ? html`<ul>${e.fields.map((f) => html`<li><strong>${humanField(f.field)}</strong>: ${f.message}</li>`)}</ul>` : ""}</div></div>
  ${status === 401 ? html`<p><a class="usa-button" href="/login">Sign in</a></p>` : html`<p><a href="/">Back to the start page</a></p>`}
  <p class="usa-hint">Request id: ${req.id}</p>`,
  );
}
