/**
 * * Law enforcement look a firearm's sales up by its serial number (/police/serial-search), the
 * page for `GET /api/v1/sales?serialNumber=` with a purpose. The serial number and the purpose are
 * posted (never in the address); each search writes an audit entry with the purpose, the serial
 * number and the buyers shown, and a refused one is audited too.
 */
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type Ctx } from "../../context.ts";
import { type User } from "../auth/index.ts";
import { auditRead, auditRefusedRead } from "../audit/index.ts";
import { getDealer } from "../dealers/index.ts";
import { salesPolicy } from "./policy.ts";
import { presentSaleForPolice } from "./present.ts";
import { listSales } from "./queries.ts";
import { KIND_LABELS, saleStatusTag } from "./pages.ts";
import {
  csrfField,
  errorSummary,
  formBody,
  html,
  postedPager,
  purposeFields,
  purposeFromForm,
  sendPage,
  signedIn,
  summaryList,
  textField,
  type FormErrors,
  type Html,
} from "../../web/kit.ts";

type MakeCtx = (req: FastifyRequest) => Ctx;
const PAGE = 20;
const LABELS = { serialNumber: "Serial number", purposeCode: "Purpose", purposeText: "In your words" };

function form(req: FastifyRequest, v: Record<string, string>, errors: FormErrors): Html {
  return html`<form class="usa-form usa-form--large" method="post" action="/police/serial-search" novalidate aria-label="Search sales by serial number">
    ${csrfField(req)}
    ${textField({ name: "serialNumber", label: "Serial number", value: v.serialNumber, error: errors.serialNumber, required: true, hint: "As stamped on the firearm; case does not matter", width: "lg", autocomplete: "off" })}
    ${purposeFields(errors, v)}
    <button class="usa-button" type="submit">Search sales</button>
  </form>`;
}

type PoliceSale = ReturnType<typeof presentSaleForPolice>;

function saleCard(s: PoliceSale): Html {
  const f = s.firearm;
  const b = s.buyer;
  return html`<li class="usa-summary-box margin-bottom-2"><div class="usa-summary-box__body">
    <h3 class="usa-summary-box__heading">Sale ${s.number} ${saleStatusTag(s.status)}</h3>
    ${summaryList([
      ["Kind", KIND_LABELS[s.kind] ?? s.kind],
      ["Sale date", s.saleDate],
      [
        "Authorization",
        s.authorizationNumber ? `${s.authorizationNumber}${s.authorizedOn ? ` (${s.authorizedOn})` : ""}` : null,
      ],
      [
        "Seller",
        s.dealer
          ? `${s.dealer.name}, ${s.dealer.town}${s.dealer.fflNumber ? ` (FFL ${s.dealer.fflNumber})` : ""}`
          : s.seller
            ? `${s.seller.name}, ${s.seller.town} (private seller)`
            : "State route",
      ],
      ["Buyer", `${[b.firstName, b.middleName, b.lastName].filter(Boolean).join(" ")}, born ${b.birthDate}`],
      ["Buyer's address", [b.street, b.town, `${b.state ?? ""} ${b.zip ?? ""}`.trim()].filter(Boolean).join(", ")],
      ["Firearm", [f.makeName ?? f.make, f.model, f.typeName, f.caliber].filter(Boolean).join(" ")],
      ["Serial number", f.serialNumber],
    ])}
  </div></li>`;
}

async function serialPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  posted: Record<string, string> | null,
) {
  const ctx = makeCtx(req);
  if (!salesPolicy.lookUpBySerial(user))
    throw await auditRefusedRead(
      ctx,
      { action: "sale.lookup-by-serial", entityType: "firearm-serial" },
      "only law enforcement look sales up by serial number",
    );
  const intro = html`<h1>Sales of a firearm by serial number</h1>
    <p class="usa-intro">Every sale Stateline recorded of a firearm with this serial number: who sold it, to whom, and when.</p>`;
  if (!posted) return sendPage(reply, req, "Serial number search", html`${intro}${form(req, {}, {})}`);
  const v = { ...posted, serialNumber: (posted.serialNumber ?? "").trim() };
  const { purpose, errors } = purposeFromForm(posted);
  if (!v.serialNumber) errors.serialNumber = "Enter the serial number";
  else if (v.serialNumber.length > 40) errors.serialNumber = "A serial number has at most 40 characters";
  const pageNo = Number.parseInt(posted.page ?? "1", 10);
  if (!Number.isSafeInteger(pageNo) || pageNo < 1 || pageNo > 10_000)
    errors.page = "The page must be a whole number from 1";
  if (Object.keys(errors).length || !purpose)
    return sendPage(
      reply,
      req,
      "Serial number search",
      html`${errorSummary(errors, { ...LABELS, page: "Page" })}${intro}${form(req, v, errors)}`,
      { status: 400 },
    );
  const r = await listSales(ctx.db, { serialNumber: v.serialNumber, limit: PAGE, offset: (pageNo - 1) * PAGE });
  await ctx.db.tx((q) =>
    auditRead(q, ctx, purpose, {
      action: "sale.lookup-by-serial",
      entityType: "firearm-serial",
      entityId: v.serialNumber,
      personIds: r.items.map((s) => s.buyer.personId),
      details: { found: r.total, page: pageNo },
    }),
  );
  const dealers = new Map<string, { name: string; fflNumber: string | null; town: string }>();
  for (const s of r.items)
    if (s.dealerId && !dealers.has(s.dealerId)) {
      const d = await getDealer(ctx.db, s.dealerId);
      dealers.set(s.dealerId, { name: d.name, fflNumber: d.fflNumber, town: d.town });
    }
  const items = r.items.map((s) => presentSaleForPolice(s, s.dealerId ? (dealers.get(s.dealerId) ?? null) : null));
  return sendPage(
    reply,
    req,
    "Serial number search",
    html`${intro}
    <h2 id="results">${r.total} ${r.total === 1 ? "sale" : "sales"} of serial number ${v.serialNumber}</h2>
    ${items.length ? html`<ol class="usa-list usa-list--unstyled" aria-labelledby="results">${items.map(saleCard)}</ol>` : html`<p>No sale of a firearm with this serial number is on record.</p>`}
    <form method="post" action="/police/serial-search" aria-label="Pages of sales">
      ${csrfField(req)}
      <input type="hidden" name="serialNumber" value="${v.serialNumber}"><input type="hidden" name="purposeCode" value="${purpose.code}"><input type="hidden" name="purposeText" value="${purpose.text}">
      ${postedPager({ page: pageNo, total: r.total, size: PAGE, label: "Pages of sales" })}
    </form>
    <h2>Search again</h2>
    ${form(req, v, {})}
    <p class="usa-hint">Each search is recorded in the audit trail with its purpose and the serial number.</p>`,
  );
}

export function registerSerialSearchPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  app.get(
    "/police/serial-search",
    signedIn((req, reply, user) => serialPage(req, reply, makeCtx, user, null)),
  );
  // A search, not a change: posted so that the purpose stays out of URLs and logs.
  app.post(
    "/police/serial-search",
    signedIn((req, reply, user) => serialPage(req, reply, makeCtx, user, formBody(req))),
  );
}
