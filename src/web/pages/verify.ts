/**
 * Verification at the counter (/verify): credential number, the buyer's last
 * name and date of birth, and the purpose. The answer is only "valid for this
 * purpose today" or "not valid", with a reference: nothing else about the holder.
 * The form posts (names and birth dates stay out of URLs) and the answer is
 * shown on the response; nothing changes but the audit trail.
 */
import { statusOf } from "../../http/errors.ts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Ctx } from "../../context.ts";
import { forbidden } from "../../lib/errors.ts";
import type { User } from "../../modules/auth/roles.ts";
import { policy } from "../../modules/credentials/policy.ts";
import { verifyCredential, type Purpose } from "../../modules/credentials/service.ts";
import { PURPOSES } from "../../law/ct/credentials/index.ts";
import { html } from "../html.ts";
import { csrfField } from "../layout.ts";
import { checkDate, errorsFrom, errorSummary, formBody, isFormError, requiredNote, selectField, sendPage, signedIn, textField, type FormErrors } from "./common.ts";

type MakeCtx = (req: FastifyRequest) => Ctx;

export const PURPOSE_LABELS: Record<Purpose, string> = {
  "handgun-purchase": "handgun purchase",
  "long-gun-purchase": "long gun purchase",
  "ammunition-purchase": "ammunition purchase",
  "magazine-purchase": "ammunition magazine purchase",
};

const NUMBER = /^[A-Za-z]{2}-?\d{4,12}$/;

interface Values { credentialNumber?: string; lastName?: string; birthDate?: string; purpose?: string }
interface Result { valid: boolean; purpose: Purpose; checkedOn: string; reference: string }

function render(req: FastifyRequest, reply: FastifyReply, user: User, st: { values?: Values; errors?: FormErrors; result?: Result; status?: number } = {}) {
  if (!policy.verify(user)) throw forbidden("only dealers, ammunition vendors, law enforcement and licensing staff verify credentials");
  const v = st.values ?? {};
  const errors = st.errors ?? {};
  const r = st.result;
  const title = user.role === "law_enforcement" ? "Check a credential" : "Verify a buyer's credential";
  return sendPage(reply, req, title, html`<h1>${title}</h1>
    ${r ? html`<div class="usa-alert ${r.valid ? "usa-alert--success" : "usa-alert--error"}" role="status" aria-live="polite" id="result"><div class="usa-alert__body">
      <h2 class="usa-alert__heading">${r.valid ? "Valid" : "Not valid"} for ${PURPOSE_LABELS[r.purpose]} today</h2>
      <p class="usa-alert__text">Checked on ${r.checkedOn}. Reference: <strong>${r.reference}</strong>. Keep the reference with the sale record.</p>
      ${r.valid && r.purpose !== "handgun-purchase" && r.purpose !== "long-gun-purchase" ? html`<p class="usa-alert__text">An ammunition certificate must be shown with a government-issued photo identification giving the date of birth.</p>` : ""}
    </div></div>` : ""}
    <p class="usa-intro">The answer says only whether the credential is valid for this purpose today. Every check is recorded in the audit trail.</p>
    <form class="usa-form usa-form--large" method="post" action="/verify" novalidate>
      ${requiredNote}
      ${errorSummary(errors, { credentialNumber: "Credential number", lastName: "Buyer's last name", birthDate: "Buyer's date of birth", purpose: "Purpose" })}
      ${csrfField(req)}
      ${textField({ name: "credentialNumber", label: "Credential number", value: v.credentialNumber, error: errors.credentialNumber, required: true, hint: "As printed on the credential, for example LE-1000001", autocomplete: "off", width: "md" })}
      ${textField({ name: "lastName", label: "Buyer's last name", value: v.lastName, error: errors.lastName, required: true, autocomplete: "off" })}
      ${textField({ name: "birthDate", label: "Buyer's date of birth", type: "date", value: v.birthDate, error: errors.birthDate, required: true, hint: "From the buyer's photo identification. Written YYYY-MM-DD.", width: "md" })}
      ${selectField({ name: "purpose", label: "Purpose", value: v.purpose ?? "", empty: "- Select -", required: true, error: errors.purpose, options: PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] })) })}
      <button class="usa-button" type="submit">Verify</button>
    </form>`, { status: st.status });
}

export function registerVerifyPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  app.get("/verify", signedIn(async (req, reply, user) => render(req, reply, user)));

  app.post("/verify", signedIn(async (req, reply, user) => {
    if (!policy.verify(user)) throw forbidden();
    const b = formBody(req);
    const values: Values = { credentialNumber: (b.credentialNumber ?? "").trim(), lastName: (b.lastName ?? "").trim(), birthDate: (b.birthDate ?? "").trim(), purpose: b.purpose ?? "" };
    const errors: FormErrors = {};
    if (!NUMBER.test(values.credentialNumber!)) errors.credentialNumber = "Enter the credential number as printed, two letters and digits, for example LE-1000001";
    if (!values.lastName || values.lastName.length > 100) errors.lastName = "Enter the buyer's last name";
    const birthDate = checkDate(errors, "birthDate", values.birthDate!, "buyer's date of birth", { required: true });
    const purpose = PURPOSES.find((p) => p === values.purpose);
    if (!purpose) errors.purpose = "Choose the purpose of the check";
    if (Object.keys(errors).length) return render(req, reply, user, { values, errors, status: 400 });
    try {
      const number = values.credentialNumber!.toUpperCase().replace(/^([A-Z]{2})-?/, "$1-");
      const result = await verifyCredential(makeCtx(req), { credentialNumber: number, lastName: values.lastName!, birthDate: birthDate!, purpose: purpose! });
      // The form is left empty for the next buyer; only the answer is shown.
      return render(req, reply, user, { result });
    } catch (e) {
      if (isFormError(e)) return render(req, reply, user, { values, errors: errorsFrom(e, ["credentialNumber", "lastName", "birthDate", "purpose"]), status: statusOf(e) });
      throw e;
    }
  }));
}
