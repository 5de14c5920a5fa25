/** Presenters: allow-lists of the fields each audience may see. Nothing leaves unless named here. */
import type { Finding, Outcome } from "../../law/core/rules.ts";
import { citationLabel } from "../../law/core/rules.ts";
import type { Application, Credential } from "./service.ts";

export function presentFinding(f: Finding) {
  return {
    id: f.id,
    status: f.status,
    because: f.because,
    citation: citationLabel(f.source),
    source: f.source,
    ...(f.missing?.length ? { missing: f.missing } : {}),
    ...(f.remedy ? { remedy: f.remedy } : {}),
  };
}

export function presentDecision(d: {
  id: string;
  outcome: Outcome;
  result: unknown;
  findings: Finding[];
  decidedOn: string;
  rulebookVersion: string;
}) {
  return {
    id: d.id,
    outcome: d.outcome,
    result: d.result,
    decidedOn: d.decidedOn,
    rulebookVersion: d.rulebookVersion,
    findings: d.findings.map(presentFinding),
  };
}

/** An application, as staff and its own applicant see it. */
export function presentApplication(a: Application) {
  return {
    id: a.id,
    number: a.number,
    credentialKind: a.credentialKind,
    kind: a.kind,
    channel: a.channel,
    status: a.status,
    submittedOn: a.submittedOn,
    residenceTown: a.residenceTown,
    feeCents: a.feeCents,
    feePaid: a.feePaid,
  };
}

/** A credential, as its holder and licensing staff see it. */
export function presentCredentialFull(c: Credential) {
  return {
    id: c.id,
    number: c.number,
    kind: c.kind,
    status: c.status,
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn,
    feeCents: c.feeCents,
    revokedOn: c.revokedOn,
    revocationReasons: c.revocationReasons,
    surrenderDueOn: c.surrenderDueOn,
    surrenderedOn: c.surrenderedOn,
    lateSurrenderFlaggedOn: c.lateSurrenderFlaggedOn,
    renewalNoticeSentOn: c.renewalNoticeSentOn,
  };
}

/** A credential, as law enforcement sees it: status and dates, not fees or notices. */
export function presentCredentialForPolice(c: Credential) {
  return {
    number: c.number,
    kind: c.kind,
    status: c.status,
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn,
    revokedOn: c.revokedOn,
    surrenderDueOn: c.surrenderDueOn,
    surrenderedOn: c.surrenderedOn,
  };
}
