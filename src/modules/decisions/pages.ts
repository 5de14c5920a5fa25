/**
 * * The public rulebook: every rule with its citations and dates, searched by
 * words, area and date in force and paged (/rules), one page per rule with its
 * text, citations, versions and the questions that use it (/rules/:id), each question with its facts schema and example
 * (/rules/questions/:id), and a self-check that decides a question on facts
 * typed in as JSON (/check). Nothing here needs a login and nothing is stored.
 */
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { AppError } from "../../lib/errors.ts";
import { listQuestions, decide, type QuestionSummary } from "./service.ts";
import { GUIDES, badDates, findGuide, type GuideField } from "./guided.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { type Decision } from "../../law/core/questions.ts";
import { citationLabel, type Citation } from "../../law/core/rules.ts";
import type { RuleInfo } from "../../law/core/questions.ts";
import { DateFilter, EnumFilter, TextFilter, listQuery } from "../../lib/paging.ts";
import { AREAS, QUESTIONS, RULEBOOK_VERSION } from "../../law/ct/index.ts";
import {
  html,
  type Html,
  csrfField,
  checkDate,
  errorSummary,
  findingsList,
  formBody,
  outcomeTag,
  queryParam,
  requiredNote,
  selectField,
  sendPage,
  textareaField,
  textField,
  type FormErrors,
  radioGroup,
  raw,
  dateField,
  listFilters,
  listHref,
  pager,
} from "../../web/kit.ts";

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function citationItems(cs: readonly Citation[]): Html {
  return html`<ul class="usa-list stateline-citations">${cs.map((c) => html`<li><cite>${citationLabel(c)}</cite>${c.basis === "federal" ? " (federal law)" : c.basis === "policy" ? " (administrative policy)" : ""}${c.text ? html`: <q>${c.text}</q>` : ""}</li>`)}</ul>`;
}

function inForceText(from: string, until?: string): string {
  return until ? `In force from ${from}; stopped applying on ${until}` : `In force from ${from}`;
}

let questionCache: QuestionSummary[] | undefined;
const questions = () => (questionCache ??= listQuestions());

/** The questions offered by the self-check: the classification questions when they exist, otherwise all. */
function checkQuestions(): QuestionSummary[] {
  const wanted = ["firearm-classification", "magazine-classification", "ammunition-classification"];
  const some = questions().filter((q) => wanted.includes(q.id));
  return some.length ? some : questions();
}

// ---------------------------------------------------------------- /rules

/** One catalogue entry with the area it belongs to. */
interface CatalogueRule extends RuleInfo {
  area: string;
  areaSlug: string;
}
const CATALOGUE: readonly CatalogueRule[] = AREAS.flatMap((a) =>
  a.rules.map((r) => ({ ...r, area: a.name, areaSlug: slug(a.name) })),
);
const AREA_SLUGS = AREAS.map((a) => slug(a.name)) as [string, ...string[]];
const RULES_PAGE_SIZE = 20;

const RulesQuery = listQuery({
  q: TextFilter(100),
  area: EnumFilter(AREA_SLUGS),
  on: DateFilter,
});

const inForceOn = (r: RuleInfo, on: string) => r.from <= on && (r.until === undefined || on < r.until);

/** Every word of the search appears in the rule's id, title, description or citations. */
function matches(r: CatalogueRule, q: string): boolean {
  const hay = [r.id, r.title, r.description, r.area, ...r.citations.flatMap((c) => [citationLabel(c), c.text ?? ""])]
    .join(" ")
    .toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

let usesCache: Map<string, Set<string>> | undefined;
const PROBE_DATES = ["2013-04-04", "2013-07-01", "2013-10-01", "2014-01-01", "2014-04-01", "2016-01-01", "2020-01-01"];

/**
 * The questions whose answers carry a finding of each rule, seen by asking every question its own
 * example and an empty set of facts on the days the Act's parts started. Questions declare no list
 * of the rules they use, so this is what the answers show; a rule no probe reaches is shown with
 * the questions of its area instead, and the page says so.
 */
function questionsUsing(): Map<string, Set<string>> {
  if (usesCache) return usesCache;
  const m = new Map<string, Set<string>>();
  for (const q of QUESTIONS.values())
    for (const facts of [q.example, {}])
      for (const on of PROBE_DATES) {
        try {
          const parsed = q.facts.safeParse(facts);
          if (!parsed.success) continue;
          for (const f of q.decide(parsed.data, on as PlainDate).findings)
            for (const r of CATALOGUE)
              if (f.id === r.id || f.id.startsWith(`${r.id}.`)) {
                let s = m.get(r.id);
                if (!s) m.set(r.id, (s = new Set()));
                s.add(q.id);
              }
        } catch {
          // A date the question does not model: nothing to learn from it.
        }
      }
  return (usesCache = m);
}

/** The rule's versions: catalogue entries of the same area for the same requirement (same title, or the same id but for a dated suffix). */
function versionsOf(r: CatalogueRule): CatalogueRule[] {
  const base = (id: string) => id.replace(/\.before$|-older$|-(19|20)\d\d$/, "");
  return CATALOGUE.filter(
    (x) => x.area === r.area && (x.id === r.id || x.title === r.title || base(x.id) === base(r.id)),
  ).sort((a, b) => a.from.localeCompare(b.from) || a.id.localeCompare(b.id));
}

function rulesPage(req: FastifyRequest, reply: FastifyReply) {
  const f = listFilters(req, RulesQuery);
  const found = CATALOGUE.filter(
    (r) => (!f.area || r.areaSlug === f.area) && (!f.on || inForceOn(r, f.on)) && (!f.q || matches(r, f.q)),
  );
  const filtered = !!(f.q || f.area || f.on);
  const shown = found.slice((f.page - 1) * RULES_PAGE_SIZE, f.page * RULES_PAGE_SIZE);
  const filters = { q: f.q, area: f.area, on: f.on };
  const areaName = AREAS.find((a) => slug(a.name) === f.area)?.name;
  return sendPage(
    reply,
    req,
    "The rules",
    html`<h1>The rules</h1>
    <p class="usa-intro">Every rule Stateline applies, with the section of the law it comes from, the dates it is in force and what it means in plain words. Rulebook version ${RULEBOOK_VERSION}: ${CATALOGUE.length} rules in ${AREAS.length} ${AREAS.length === 1 ? "area" : "areas"}.</p>
    <form class="usa-form stateline-filter" method="get" action="/rules" role="search" aria-label="Search the rules">
      ${textField({ name: "q", label: "Search the rules", value: f.q, hint: "Words from the rule, or a section, for example: waiting period, § 1, magazine", width: "2xl" })}
      ${selectField({ name: "area", label: "Area of the law", value: f.area ?? "", empty: "Every area", options: AREAS.map((a) => ({ value: slug(a.name), label: `${a.name} (${a.rules.length})` })) })}
      ${dateField({ name: "on", label: "In force on", value: f.on, hint: "Only the rules in force on this day. Written YYYY-MM-DD." })}
      <button class="usa-button" type="submit">Search</button>
      ${filtered ? html`<a class="usa-button usa-button--unstyled margin-left-1" href="/rules">Show every rule</a>` : ""}
    </form>
    <h2 id="results">${filtered ? `${found.length} ${found.length === 1 ? "rule matches" : "rules match"}` : "Every rule"}${areaName ? ` in ${areaName}` : ""}${f.on ? ` in force on ${f.on}` : ""}${f.q ? html` “${f.q}”` : ""}</h2>
    ${
      shown.length
        ? html`<ol class="usa-list usa-list--unstyled" aria-labelledby="results">${shown.map(
            (r) => html`<li class="usa-summary-box margin-bottom-2"><div class="usa-summary-box__body">
        <h3 class="usa-summary-box__heading"><a href="/rules/${r.id}">${r.title}</a></h3>
        <p class="margin-y-05 font-sans-2xs">${r.area}. ${inForceText(r.from, r.until)}. ${r.citations.length ? html`Cites ${r.citations.map((c, i) => html`${i ? "; " : ""}<cite>${citationLabel(c)}</cite>`)}.` : ""}</p>
        <p class="margin-bottom-0">${r.description}</p>
      </div></li>`,
          )}</ol>`
        : html`<p>No rule matches. Try fewer words, another area, or no date.</p>`
    }
    ${pager({ page: f.page, total: found.length, size: RULES_PAGE_SIZE, href: (p) => listHref("/rules", filters, p), label: "Pages of rules" })}
    <h2 id="questions">Questions the rulebook answers</h2>
    <p>Software and people can ask these questions through the <a href="/api/docs">API</a> or the <a href="/check">self-check</a>.</p>
    <ul class="usa-list">
      ${questions().map((q) => html`<li><a href="/rules/questions/${q.id}">${q.title}</a></li>`)}
    </ul>`,
  );
}

function rulePage(req: FastifyRequest, reply: FastifyReply) {
  const id = (req.params as { id?: string }).id ?? "";
  const r = CATALOGUE.find((x) => x.id === id);
  if (!r) throw new AppError("not_found", `no rule ${id.slice(0, 100)}`);
  const used = [...(questionsUsing().get(r.id) ?? [])];
  const areaQuestions = AREAS.find((a) => a.name === r.area)?.questions.map((q) => q.id) ?? [];
  const byId = new Map(questions().map((q) => [q.id, q]));
  const list = (ids: string[]) =>
    html`<ul class="usa-list">${ids
      .map((qid) => byId.get(qid))
      .filter((q) => q !== undefined)
      .map((q) => html`<li><a href="/rules/questions/${q.id}">${q.title}</a></li>`)}</ul>`;
  const versions = versionsOf(r);
  return sendPage(
    reply,
    req,
    r.title,
    html`<nav aria-label="Breadcrumbs" class="usa-breadcrumb"><ol class="usa-breadcrumb__list">
      <li class="usa-breadcrumb__list-item"><a class="usa-breadcrumb__link" href="/rules">The rules</a></li>
      <li class="usa-breadcrumb__list-item"><a class="usa-breadcrumb__link" href="${listHref("/rules", { area: r.areaSlug })}">${r.area}</a></li>
      <li class="usa-breadcrumb__list-item usa-current" aria-current="page"><span>${r.title}</span></li>
    </ol></nav>
    <h1>${r.title}</h1>
    <p class="font-sans-2xs">Rule <code>${r.id}</code> in ${r.area}. ${inForceText(r.from, r.until)}. Rulebook version ${RULEBOOK_VERSION}.</p>
    <h2>What it says</h2>
    <p>${r.description}</p>
    <h2>Where it comes from</h2>
    ${r.citations.length ? citationItems(r.citations) : html`<p>No citation is recorded for this rule.</p>`}
    <h2>Versions</h2>
    <table class="usa-table usa-table--borderless">
      <caption>Versions of this rule, oldest first</caption>
      <thead><tr><th scope="col">Version</th><th scope="col">In force from</th><th scope="col">Stopped applying on</th></tr></thead>
      <tbody>${versions.map((v) => html`<tr><th scope="row">${v.id === r.id ? html`${v.title} (this page)` : html`<a href="/rules/${v.id}">${v.title}</a>`}</th><td>${v.from}</td><td>${v.until ?? "still in force"}</td></tr>`)}</tbody>
    </table>
    <h2>Questions that use it</h2>
    ${
      used.length
        ? list(used)
        : html`<p>No question's answer shows this rule on its own finding (it may be part of a larger requirement, a penalty, or a clock used by a service). The questions of its area:</p>${areaQuestions.length ? list(areaQuestions) : html`<p>This area has no question of its own.</p>`}`
    }
    <p><a href="/rules">Back to the rules</a></p>`,
  );
}

function questionPage(req: FastifyRequest, reply: FastifyReply) {
  const id = (req.params as { id: string }).id;
  const q = questions().find((x) => x.id === id);
  if (!q) throw new AppError("not_found", `no question ${id}`);
  return sendPage(
    reply,
    req,
    q.title,
    html`<h1>${q.title}</h1>
    <p class="font-sans-2xs">Question <code>${q.id}</code>, modelled from ${q.modelledFrom}. Rulebook version ${RULEBOOK_VERSION}.</p>
    <p>${q.description}</p>
    <h2>Where it comes from</h2>
    ${citationItems(q.citations as Citation[])}
    <h2>The result</h2>
    <table class="usa-table usa-table--borderless">
      <caption>Fields of the result and what they mean</caption>
      <thead><tr><th scope="col">Field</th><th scope="col">Meaning</th></tr></thead>
      <tbody>${Object.entries(q.result).map(([k, m]) => html`<tr><th scope="row"><code>${k}</code></th><td>${m}</td></tr>`)}</tbody>
    </table>
    <p>Every answer also has an <code>outcome</code> (yes, no or unknown), every finding with its citation, and the list of missing facts.</p>
    <h2>The facts (JSON Schema)</h2>
    <pre class="stateline-pre stateline-code" tabindex="0" aria-label="JSON Schema of the facts">${JSON.stringify(q.factsSchema, null, 2)}</pre>
    <h2>Example</h2>
    <pre class="stateline-pre stateline-code" tabindex="0" aria-label="Example facts">${JSON.stringify(q.example, null, 2)}</pre>
    <p><a class="usa-button" href="/check?question=${q.id}">Try this example in the self-check</a> <a href="/rules">Back to the rules</a></p>`,
  );
}

// ---------------------------------------------------------------- /check

interface CheckValues {
  question?: string;
  on?: string;
  facts?: string;
}

const example = (id: string) => JSON.stringify(questions().find((q) => q.id === id)?.example ?? {}, null, 2);

function resultValue(v: unknown): Html | string {
  if (v === null || v === undefined) return "null (not known)";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) {
    if (!v.length) return "none";
    if (v.every((x) => x === null || typeof x !== "object"))
      return html`<ul class="usa-list margin-0">${v.map((x) => html`<li>${String(x)}</li>`)}</ul>`;
  }
  return html`<pre class="stateline-pre margin-0">${JSON.stringify(v, null, 2)}</pre>`;
}

function checkPage(
  req: FastifyRequest,
  reply: FastifyReply,
  st: { values?: CheckValues; errors?: FormErrors; decision?: Decision; status?: number } = {},
) {
  const offered = checkQuestions();
  const requested = queryParam(req, "question");
  const question =
    st.values?.question ?? (offered.some((q) => q.id === requested) ? requested : (offered[0]?.id ?? ""));
  const v: CheckValues = { question, on: st.values?.on ?? req.today, facts: st.values?.facts ?? example(question) };
  const errors = st.errors ?? {};
  const d = st.decision;
  const q = offered.find((x) => x.id === d?.question);
  return sendPage(
    reply,
    req,
    "Self-check for developers",
    html`<h1>Self-check for developers</h1>
    <p class="usa-intro">Ask any of the rulebook's questions with its facts as JSON, as the API takes them. Nothing you type here is stored or linked to you.</p>
    ${
      d
        ? html`<section aria-labelledby="answer-heading" class="margin-bottom-4" id="answer">
      <h2 id="answer-heading">Answer: ${q?.title ?? d.question} on ${d.on}</h2>
      <p>${outcomeTag(d.outcome)}</p>
      <table class="usa-table usa-table--borderless">
        <caption>Result</caption>
        <thead><tr><th scope="col">Field</th><th scope="col">Value</th><th scope="col">Meaning</th></tr></thead>
        <tbody>${Object.entries((d.result ?? {}) as Record<string, unknown>).map(([k, val]) => html`<tr><th scope="row"><code>${k}</code></th><td>${resultValue(val)}</td><td>${q?.result[k] ?? ""}</td></tr>`)}</tbody>
      </table>
      ${d.missing.length ? html`<h3>Missing facts</h3><ul class="usa-list">${d.missing.map((m) => html`<li><code>${m}</code></li>`)}</ul>` : html`<p>No facts are missing.</p>`}
      <h3>Every requirement</h3>
      ${findingsList(d.findings, 4)}
      <p class="usa-hint">Rulebook version ${d.rulebookVersion}. This is information, not legal advice.</p>
    </section>`
        : ""
    }
    <p><a href="/check">Back to the questions in plain language</a></p>
    <form class="usa-form usa-form--large stateline-wide-form" method="post" action="/check/json" novalidate>
      ${requiredNote}
      ${errorSummary(errors, { question: "Question", on: "Date", facts: "Facts" })}
      ${csrfField(req)}
      ${selectField({ name: "question", label: "Question", value: v.question, required: true, error: errors.question, options: offered.map((x) => ({ value: x.id, label: x.title })), hint: html`Each question's facts are described on its <a href="/rules#questions">rule page</a>.` })}
      ${textField({ name: "on", label: "Date to decide on", type: "date", value: v.on, required: true, error: errors.on, width: "md", hint: "Written YYYY-MM-DD. The law changed over time; earlier dates use the rules then in force." })}
      ${textareaField({ name: "facts", label: "Facts (JSON)", value: v.facts, required: true, error: errors.facts, rows: 18, className: "stateline-code", hint: "A JSON object. It starts with the question's example; change it to your facts. Leave out what you do not know: the answer will say what is missing." })}
      <button class="usa-button" type="submit">Check</button>
      <a class="usa-button usa-button--outline" href="/check/json?question=${v.question}">Start again from the example</a>
    </form>`,
    { status: st.status },
  );
}

function runCheck(req: FastifyRequest, reply: FastifyReply) {
  const b = formBody(req);
  const values: CheckValues = { question: b.question ?? "", on: (b.on ?? "").trim(), facts: b.facts ?? "" };
  const errors: FormErrors = {};
  const offered = checkQuestions();
  if (!offered.some((q) => q.id === values.question) || !QUESTIONS.has(values.question!))
    errors.question = "Choose one of the questions in the list";
  const on = checkDate(errors, "on", values.on!, "date to decide on", { required: true });
  let facts: unknown;
  if (!values.facts!.trim()) errors.facts = "Enter the facts as a JSON object, for example {}";
  else if (values.facts!.length > 100_000) errors.facts = "The facts are too long (at most 100,000 characters)";
  else {
    try {
      facts = JSON.parse(values.facts!);
      if (facts === null || typeof facts !== "object" || Array.isArray(facts))
        errors.facts = "The facts must be a JSON object: { ... }";
    } catch (e) {
      errors.facts = `This is not valid JSON: ${(e as Error).message}`;
    }
  }
  if (Object.keys(errors).length) return checkPage(req, reply, { values, errors, status: 400 });
  try {
    const decision = decide(values.question!, on!, facts);
    return checkPage(req, reply, { values, decision });
  } catch (e) {
    if (e instanceof AppError && e.code === "validation") {
      const byField: FormErrors = {};
      for (const f of e.fields) {
        const key = f.field === "on" ? "on" : f.field === "question" ? "question" : "facts";
        const text = key === "facts" && f.field !== "facts" ? `${f.field}: ${f.message}` : f.message;
        byField[key] = byField[key] ? `${byField[key]}; ${text}` : text;
      }
      if (!Object.keys(byField).length) byField.facts = e.message;
      return checkPage(req, reply, { values, errors: byField, status: 400 });
    }
    throw e;
  }
}

// ---------------------------------------------------------------- /check: guided questions in plain language

function guidesPage(req: FastifyRequest, reply: FastifyReply) {
  return sendPage(
    reply,
    req,
    "Self-check",
    html`<h1>Self-check</h1>
    <p class="usa-intro">Answer a few questions in plain words and the rulebook answers, with the rules and the sections of the law behind the answer. Nothing you type here is stored or linked to you. This is information, not legal advice.</p>
    <ul class="usa-card-group">
      ${GUIDES.map(
        (g) => html`<li class="usa-card tablet:grid-col-6"><div class="usa-card__container">
        <div class="usa-card__header"><h2 class="usa-card__heading">${g.title}</h2></div>
        <div class="usa-card__body"><p>${g.intro}</p></div>
        <div class="usa-card__footer"><a class="usa-button" href="/check/${g.slug}">Start: ${g.title}</a></div>
      </div></li>`,
      )}
    </ul>
    <p>Developers and staff can ask every question of the rulebook with its facts as JSON: <a href="/check/json">the JSON self-check</a>, or the <a href="/api/docs">API</a>.</p>`,
  );
}

const firstOf = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

function guideField(f: GuideField, v: Record<string, string | string[]>, errors: FormErrors): Html {
  const value = firstOf(v[f.name]);
  if (f.kind === "select")
    return selectField({
      name: f.name,
      label: f.label,
      value,
      empty: "- Select -",
      required: !!f.required,
      error: errors[f.name],
      options: f.options ?? [],
      ...(f.hint ? { hint: f.hint } : {}),
    });
  if (f.kind === "date")
    return textField({
      name: f.name,
      label: f.label,
      type: "date",
      value,
      required: !!f.required,
      error: errors[f.name],
      width: "md",
      hint: f.hint ?? "Written YYYY-MM-DD",
    });
  if (f.kind === "number")
    return textField({
      name: f.name,
      label: f.label,
      value,
      inputmode: "numeric",
      required: !!f.required,
      error: errors[f.name],
      width: "sm",
      ...(f.hint ? { hint: f.hint } : {}),
    });
  if (f.kind === "text")
    return textField({
      name: f.name,
      label: f.label,
      value,
      error: errors[f.name],
      ...(f.hint ? { hint: f.hint } : {}),
    });
  if (f.kind === "yesno")
    return radioGroup({
      name: f.name,
      label: f.label,
      value,
      error: errors[f.name],
      options: [
        { value: "yes", label: "Yes" },
        { value: "no", label: "No" },
        { value: "", label: "I don't know" },
      ],
    });
  const ticked = new Set(Array.isArray(v[f.name]) ? (v[f.name] as string[]) : v[f.name] ? [v[f.name] as string] : []);
  return html`<fieldset class="usa-fieldset margin-top-3"><legend class="usa-legend">${f.label}</legend>${f.hint ? html`<span class="usa-hint">${f.hint}</span>` : ""}
    ${(f.options ?? []).map((o, i) => html`<div class="usa-checkbox"><input class="usa-checkbox__input" id="${f.name}-${i}" type="checkbox" name="${f.name}" value="${o.value}"${ticked.has(o.value) ? raw(" checked") : ""}><label class="usa-checkbox__label" for="${f.name}-${i}">${o.label}</label></div>`)}
  </fieldset>`;
}

function guidePage(req: FastifyRequest, reply: FastifyReply, posted: Record<string, string | string[]> | null) {
  const g = findGuide((req.params as { slug?: string }).slug ?? "");
  if (!g) throw new AppError("not_found", "no such question");
  const v = posted ?? {};
  const errors: FormErrors = {};
  let decision: Decision | undefined;
  if (posted) {
    for (const f of g.fields) if (f.required && !firstOf(v[f.name]).trim()) errors[f.name] = "Answer this question";
    for (const name of badDates(g, v)) errors[name] = "Write the date as YYYY-MM-DD, for example 1990-05-17";
    for (const f of g.fields.filter((x) => x.kind === "number")) {
      const n = firstOf(v[f.name]).trim();
      if (n && !/^\d{1,4}$/.test(n)) errors[f.name] = "Write a whole number, for example 30";
    }
    if (!Object.keys(errors).length) {
      try {
        decision = decide(g.question, req.today as PlainDate, g.facts(v));
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== "validation") throw e;
        errors[""] = `Some answers do not fit together: ${e.fields.map((f) => f.message).join("; ") || e.message}`;
      }
    }
  }
  const labels = Object.fromEntries(g.fields.map((f) => [f.name, f.label]));
  return sendPage(
    reply,
    req,
    g.title,
    html`${errorSummary(errors, labels)}<h1>${g.title}</h1>
    <p class="usa-intro">${g.intro}</p>
    ${
      decision
        ? html`<section aria-labelledby="answer-heading" class="margin-bottom-4" id="answer">
      <h2 id="answer-heading">The answer for today (${decision.on})</h2>
      <p>${outcomeTag(decision.outcome)} ${g.say(decision.outcome)}</p>
      <h3>The rules behind it</h3>
      ${findingsList(decision.findings, 4)}
      <p class="usa-hint">Rulebook version ${decision.rulebookVersion}. This is information, not legal advice. Nothing you typed was stored.</p>
    </section>`
        : ""
    }
    <form class="usa-form usa-form--large" method="post" action="/check/${g.slug}" novalidate>
      ${csrfField(req)}
      ${g.fields.map((f) => guideField(f, v, errors))}
      <button class="usa-button margin-top-3" type="submit">Answer</button>
    </form>
    <p><a href="/check">Other questions</a></p>`,
    { status: posted && Object.keys(errors).length ? 400 : 200 },
  );
}

export function registerRulesPages(app: FastifyInstance): void {
  app.get("/rules", async (req, reply) => rulesPage(req, reply));
  app.get("/rules/questions/:id", async (req, reply) => questionPage(req, reply));
  app.get("/rules/:id", async (req, reply) => rulePage(req, reply));
  app.get("/check", async (req, reply) => guidesPage(req, reply));
  app.get("/check/json", async (req, reply) => checkPage(req, reply));
  app.post("/check/json", async (req, reply) => runCheck(req, reply));
  app.get("/check/:slug", async (req, reply) => guidePage(req, reply, null));
  app.post("/check/:slug", async (req, reply) =>
    guidePage(req, reply, (req.body ?? {}) as Record<string, string | string[]>),
  );
}
