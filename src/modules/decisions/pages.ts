/**
 * * The public rulebook: every rule by area with its citations and dates
 * (/rules), each question with its facts schema and example
 * (/rules/questions/:id), and a self-check that decides a question on facts
 * typed in as JSON (/check). Nothing here needs a login and nothing is stored.
 */
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { AppError } from "../../lib/errors.ts";
import { listQuestions, decide, type QuestionSummary } from "./service.ts";
import { type Decision } from "../../law/core/questions.ts";
import { citationLabel, type Citation } from "../../law/core/rules.ts";
import { AREAS, QUESTIONS, RULEBOOK_VERSION } from "../../law/ct/index.ts";
import { html, type Html, csrfField, checkDate, errorSummary, findingsList, formBody, outcomeTag, queryParam, requiredNote, selectField, sendPage, textareaField, textField, type FormErrors } from "../../web/kit.ts";

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

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

function rulesPage(req: FastifyRequest, reply: FastifyReply) {
  const total = AREAS.reduce((n, a) => n + a.rules.length, 0);
  return sendPage(reply, req, "The rules", html`<h1>The rules</h1>
    <p class="usa-intro">Every rule Stateline applies, with the section of the law it comes from, the dates it is in force and what it means in plain words. Rulebook version ${RULEBOOK_VERSION}: ${total} rules in ${AREAS.length} ${AREAS.length === 1 ? "area" : "areas"}.</p>
    <nav aria-label="Areas of the law">
      <ul class="usa-list">
        ${AREAS.map((a) => html`<li><a href="#area-${slug(a.name)}">${a.name}</a> (${a.rules.length} rules)</li>`)}
        <li><a href="#questions">Questions the rulebook answers</a></li>
      </ul>
    </nav>
    ${AREAS.map((a) => html`<section aria-labelledby="area-${slug(a.name)}">
      <h2 id="area-${slug(a.name)}">${a.name}</h2>
      ${a.rules.map((r) => html`<div class="usa-summary-box margin-bottom-2"><div class="usa-summary-box__body">
        <h3 class="usa-summary-box__heading">${r.title}</h3>
        <p class="margin-y-05 font-sans-2xs">Rule <code>${r.id}</code>. ${inForceText(r.from, r.until)}.</p>
        <p>${r.description}</p>
        ${r.citations.length ? html`<p class="margin-bottom-0">Citations:</p>${citationItems(r.citations)}` : ""}
      </div></div>`)}
    </section>`)}
    <h2 id="questions">Questions the rulebook answers</h2>
    <p>Software and people can ask these questions through the <a href="/api/docs">API</a> or the <a href="/check">self-check</a>.</p>
    <ul class="usa-list">
      ${questions().map((q) => html`<li><a href="/rules/questions/${q.id}">${q.title}</a> (<code>${q.id}</code>)</li>`)}
    </ul>`);
}

function questionPage(req: FastifyRequest, reply: FastifyReply) {
  const id = (req.params as { id: string }).id;
  const q = questions().find((x) => x.id === id);
  if (!q) throw new AppError("not_found", `no question ${id}`);
  return sendPage(reply, req, q.title, html`<h1>${q.title}</h1>
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
    <p><a class="usa-button" href="/check?question=${q.id}">Try this example in the self-check</a> <a href="/rules">Back to the rules</a></p>`);
}

// ---------------------------------------------------------------- /check

interface CheckValues { question?: string; on?: string; facts?: string }

const example = (id: string) => JSON.stringify(questions().find((q) => q.id === id)?.example ?? {}, null, 2);

function resultValue(v: unknown): Html | string {
  if (v === null || v === undefined) return "null (not known)";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) {
    if (!v.length) return "none";
    if (v.every((x) => x === null || typeof x !== "object")) return html`<ul class="usa-list margin-0">${v.map((x) => html`<li>${String(x)}</li>`)}</ul>`;
  }
  return html`<pre class="stateline-pre margin-0">${JSON.stringify(v, null, 2)}</pre>`;
}

function checkPage(req: FastifyRequest, reply: FastifyReply, st: { values?: CheckValues; errors?: FormErrors; decision?: Decision; status?: number } = {}) {
  const offered = checkQuestions();
  const requested = queryParam(req, "question");
  const question = st.values?.question ?? (offered.some((q) => q.id === requested) ? requested : offered[0]?.id ?? "");
  const v: CheckValues = { question, on: st.values?.on ?? req.today, facts: st.values?.facts ?? example(question) };
  const errors = st.errors ?? {};
  const d = st.decision;
  const q = offered.find((x) => x.id === d?.question);
  return sendPage(reply, req, "Self-check", html`<h1>Self-check</h1>
    <p class="usa-intro">Ask the rulebook a question about your own facts. Nothing you type here is stored or linked to you.</p>
    ${d ? html`<section aria-labelledby="answer-heading" class="margin-bottom-4" id="answer">
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
    </section>` : ""}
    <form class="usa-form usa-form--large stateline-wide-form" method="post" action="/check" novalidate>
      ${requiredNote}
      ${errorSummary(errors, { question: "Question", on: "Date", facts: "Facts" })}
      ${csrfField(req)}
      ${selectField({ name: "question", label: "Question", value: v.question, required: true, error: errors.question, options: offered.map((x) => ({ value: x.id, label: x.title })), hint: html`Each question's facts are described on its <a href="/rules#questions">rule page</a>.` })}
      ${textField({ name: "on", label: "Date to decide on", type: "date", value: v.on, required: true, error: errors.on, width: "md", hint: "Written YYYY-MM-DD. The law changed over time; earlier dates use the rules then in force." })}
      ${textareaField({ name: "facts", label: "Facts (JSON)", value: v.facts, required: true, error: errors.facts, rows: 18, className: "stateline-code", hint: "A JSON object. It starts with the question's example; change it to your facts. Leave out what you do not know: the answer will say what is missing." })}
      <button class="usa-button" type="submit">Check</button>
      <a class="usa-button usa-button--outline" href="/check?question=${v.question}">Start again from the example</a>
    </form>`, { status: st.status });
}

function runCheck(req: FastifyRequest, reply: FastifyReply) {
  const b = formBody(req);
  const values: CheckValues = { question: b.question ?? "", on: (b.on ?? "").trim(), facts: b.facts ?? "" };
  const errors: FormErrors = {};
  const offered = checkQuestions();
  if (!offered.some((q) => q.id === values.question) || !QUESTIONS.has(values.question!)) errors.question = "Choose one of the questions in the list";
  const on = checkDate(errors, "on", values.on!, "date to decide on", { required: true });
  let facts: unknown;
  if (!values.facts!.trim()) errors.facts = "Enter the facts as a JSON object, for example {}";
  else if (values.facts!.length > 100_000) errors.facts = "The facts are too long (at most 100,000 characters)";
  else {
    try {
      facts = JSON.parse(values.facts!);
      if (facts === null || typeof facts !== "object" || Array.isArray(facts)) errors.facts = "The facts must be a JSON object: { ... }";
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

export function registerRulesPages(app: FastifyInstance): void {
  app.get("/rules", async (req, reply) => rulesPage(req, reply));
  app.get("/rules/questions/:id", async (req, reply) => questionPage(req, reply));
  app.get("/check", async (req, reply) => checkPage(req, reply));
  app.post("/check", async (req, reply) => runCheck(req, reply));
}
