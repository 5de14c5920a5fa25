/** The page frame: USWDS banner, header with navigation for the signed-in role, main content, footer. */
import type { FastifyRequest } from "fastify";
import type { User } from "../modules/auth/roles.ts";
import { ROLE_LABELS } from "../modules/auth/roles.ts";
import { html, raw, type Html } from "./html.ts";
import { navSections, type NavLink } from "./nav.ts";

export interface PageOptions {
  title: string;
  user: User | null;
  csrfToken?: string | null;
  body: Html;
  flash?: string | undefined;
  flashType?: "success" | "error" | "info" | "warning";
  /** The address of the page shown, so its navigation link is marked current. */
  path?: string;
}

export function layout(o: PageOptions): Html {
  const role = o.user?.role ?? "public";
  const sections = navSections(role, o.path);
  const grouped = sections.some((s) => s.label);
  const signOut = (cls: string) =>
    o.user
      ? html`<form method="post" action="/logout" class="stateline-inline-form"><input type="hidden" name="_csrf" value="${o.csrfToken ?? ""}"><button class="${cls}" type="submit">Sign out ${o.user.displayName}</button></form>`
      : null;
  const current = (l: NavLink) => (l.current ? raw(` aria-current="${l.current}"`) : "");
  const currentClass = (l: NavLink) => (l.current ? " usa-current" : "");
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} | Stateline</title>
<link rel="stylesheet" href="/assets/uswds/css/uswds.min.css">
<link rel="stylesheet" href="/assets/stateline.css">
<link rel="icon" type="image/svg+xml" href="/assets/favicon.svg">
</head>
<body>
<a class="usa-skipnav" href="#main-content">Skip to main content</a>
<section class="usa-banner" aria-label="Official website of the State of Connecticut">
  <div class="usa-banner__header"><div class="usa-banner__inner"><div class="grid-col-auto"><p class="usa-banner__header-text">Stateline: Connecticut firearm law information system (demonstration)</p></div></div></div>
</section>
<header class="usa-header usa-header--basic">
  <div class="usa-nav-container">
    <div class="usa-navbar"><div class="usa-logo"><em class="usa-logo__text"><a href="/" title="Stateline home">Stateline</a></em></div></div>
    <details class="stateline-menu">
      <summary class="usa-button usa-button--outline">Menu</summary>
      <nav aria-label="Primary navigation (menu)">
        ${
          grouped
            ? sections.map(
                (s) => html`<p class="stateline-menu__heading" id="menu-${slug(s.label ?? "")}">${s.label}</p>
        <ul aria-labelledby="menu-${slug(s.label ?? "")}">${s.links.map((n) => html`<li><a class="usa-link${currentClass(n)}" href="${n.href}"${current(n)}>${n.label}</a></li>`)}</ul>`,
              )
            : ""
        }
        <ul>
          ${grouped ? "" : sections.flatMap((s) => s.links).map((n) => html`<li><a class="usa-link${currentClass(n)}" href="${n.href}"${current(n)}>${n.label}</a></li>`)}
          ${o.user ? html`<li>${signOut("usa-button usa-button--unstyled")}</li>` : html`<li><a class="usa-link" href="/login">Sign in</a></li>`}
        </ul>
      </nav>
    </details>
    ${
      grouped
        ? html`<nav aria-label="Primary navigation" class="usa-nav stateline-nav stateline-nav--grouped">
      <ul class="stateline-nav__groups">
        ${sections.map(
          (
            s,
          ) => html`<li class="stateline-nav__group"><span class="stateline-nav__heading" id="nav-${slug(s.label ?? "")}">${s.label}</span>
          <ul aria-labelledby="nav-${slug(s.label ?? "")}">${s.links.map((n) => html`<li><a class="usa-nav-link${currentClass(n)}" href="${n.href}"${current(n)}>${n.label}</a></li>`)}</ul></li>`,
        )}
      </ul>
      <div class="stateline-nav__account">${signOut("usa-button usa-button--unstyled") ?? html`<a class="usa-nav-link" href="/login">Sign in</a>`}</div>
    </nav>`
        : html`<nav aria-label="Primary navigation" class="usa-nav stateline-nav">
      <ul class="usa-nav__primary usa-accordion">
        ${sections
          .flatMap((s) => s.links)
          .map(
            (n) =>
              html`<li class="usa-nav__primary-item"><a class="usa-nav-link${currentClass(n)}" href="${n.href}"${current(n)}><span>${n.label}</span></a></li>`,
          )}
        ${
          o.user
            ? html`<li class="usa-nav__primary-item">${signOut("usa-button usa-button--unstyled usa-nav-link")}</li>`
            : html`<li class="usa-nav__primary-item"><a class="usa-nav-link" href="/login"><span>Sign in</span></a></li>`
        }
      </ul>
    </nav>`
    }
  </div>
</header>
<main id="main-content" class="grid-container usa-section stateline-main">
  ${o.user ? html`<p class="usa-hint">Signed in as ${o.user.displayName} (${ROLE_LABELS[o.user.role]})</p>` : ""}
  ${o.flash ? html`<div class="usa-alert usa-alert--${o.flashType ?? "info"} usa-alert--slim" role="${o.flashType === "error" ? "alert" : "status"}"><div class="usa-alert__body"><p class="usa-alert__text">${o.flash}</p></div></div>` : ""}
  ${errorFirst(o.body)}
</main>
<footer class="usa-footer usa-footer--slim"><div class="grid-container usa-footer__return-to-top"><p>Stateline implements Public Act 13-3 (2013). Every decision names the statute section that made it. <a href="/api/docs">API reference</a></p></div></footer>
</body>
</html>`;
}

/**
 * A page's error summary (the kit's `errorSummary`, marked `data-error-summary`) goes first in the
 * main content, whatever the page's layout, so that after a failed POST it is the first thing seen.
 */
function errorFirst(body: Html): Html {
  const v = body.value;
  const start = v.indexOf("<div data-error-summary");
  if (start < 0) return labelTableCells(body);
  const end = v.indexOf("<!--/error-summary-->", start);
  if (end < 0) return labelTableCells(body);
  const rest = v.slice(0, start) + v.slice(end + "<!--/error-summary-->".length);
  const block = linkToFields(v.slice(start, end + "<!--/error-summary-->".length), rest);
  return labelTableCells(raw(block + rest));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Each link of an error summary goes to its field. A summary names a field by its form name
 * ("#schoolYear"); where no element has that id (the page gave the field another id, such as
 * "plan-year", or the field is a radio group whose inputs are "emergencyPlan-0", "-1"), the link is
 * pointed at the first control with that name, or the first element whose id starts with it.
 */
function linkToFields(block: string, page: string): string {
  return block.replace(/href="#([^"]+)"/g, (whole, target: string) => {
    if (page.includes(`id="${target}"`)) return whole;
    const t = escapeRe(target);
    const byName =
      new RegExp(`<(?:input|select|textarea)\\b[^>]*\\bname="${t}"[^>]*\\bid="([^"]+)"`).exec(page) ??
      new RegExp(`<(?:input|select|textarea)\\b[^>]*\\bid="([^"]+)"[^>]*\\bname="${t}"`).exec(page) ??
      new RegExp(`\\bid="(${t}-[^"]+)"`).exec(page);
    return byName ? `href="#${byName[1]}"` : whole;
  });
}

/**
 * Labels each body cell of a table with its column's heading (`data-label`), so that on a phone the
 * stylesheet can stack rows and still say what each value is. A cell holding one short word (a
 * date, a number such as A-100016, a status) is marked not to wrap: the stylesheet lets the other
 * cells wrap, so that a table fits the page instead of scrolling its last columns out of sight.
 */
function labelTableCells(body: Html): Html {
  const out = body.value.replace(/<table\b[\s\S]*?<\/table>/g, (table) => {
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(table);
    if (!head) return table;
    const labels = [...head[1]!.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((m) =>
      m[1]!
        .replace(/<[^>]+>/g, "")
        .replace(/"/g, "&quot;")
        .trim(),
    );
    return table.replace(
      /<tbody>([\s\S]*?)<\/tbody>/g,
      (_all, rows: string) =>
        `<tbody>${rows.replace(/<tr\b[^>]*>[\s\S]*?<\/tr>/g, (row) => {
          let i = 0;
          return row.replace(
            /<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/g,
            (cell, tag: string, attrs: string, content: string) => {
              const label = labels[i++];
              let a = attrs;
              if (label && !/data-label/.test(a)) a = ` data-label="${label}"${a}`;
              const text = content
                .replace(/<[^>]+>/g, "")
                .replace(/&[a-z#0-9]+;/gi, "x")
                .trim();
              if (!/\bclass=/.test(a) && /^\S{1,24}$/.test(text)) a = `${a} class="stateline-nowrap"`;
              return a === attrs ? cell : `<${tag}${a}>${content}</${tag}>`;
            },
          );
        })}</tbody>`,
    );
  });
  return raw(out);
}

/** Renders a full page for a request. */
export function page(
  req: FastifyRequest,
  title: string,
  body: Html,
  flash?: { text: string; type?: "success" | "error" | "info" | "warning" },
): string {
  return layout({
    title,
    user: req.user,
    csrfToken: req.csrfToken,
    path: req.url,
    body,
    flash: flash?.text,
    ...(flash?.type ? { flashType: flash.type } : {}),
  }).value;
}

/** A hidden CSRF field for forms posted by a signed-in user. */
export const csrfField = (req: FastifyRequest) =>
  html`<input type="hidden" name="_csrf" value="${req.csrfToken ?? ""}">`;
