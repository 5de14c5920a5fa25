/** The storage area: safe storage of loaded firearms (PA 13-3 §§ 54-56). */
import type { Question, RuleInfo } from "../../core/questions.ts";
import type { SafeStorageFacts } from "./storage-facts.ts";
import type { SafeStorageResult } from "./safe-storage.ts";
import { safeStorage } from "./safe-storage.ts";
import { SECURE_METHODS, TRIGGERS, UNTIL } from "./secure-storage-required.ts";
import { STRICT_LIABILITY } from "./strict-liability.ts";
import { CRIMINALLY_NEGLIGENT_STORAGE } from "./criminally-negligent-storage.ts";

export const questions: Question<SafeStorageFacts, SafeStorageResult>[] = [safeStorage];

export const rules: RuleInfo[] = [
  {
    id: "storage.secure-storage.minor",
    title: "Store loaded firearms securely where a child under 16 could get them",
    description: "A person who keeps a loaded firearm where he or she knows or should know a minor under 16 is likely to get it without a parent's permission must lock it up, keep it in a secure place, or carry it.",
    citations: [TRIGGERS.minor[0]!.source, SECURE_METHODS[0]!.source],
    from: "2013-04-04",
    until: UNTIL,
  },
  {
    id: "storage.secure-storage.residents",
    title: "Store loaded firearms securely where an ineligible or at-risk resident lives",
    description: "From 2013-10-01 the same applies when a resident of the premises may not legally have firearms or poses a risk of imminent injury to self or others.",
    citations: [TRIGGERS["ineligible-resident"][0]!.source, SECURE_METHODS[0]!.source],
    from: "2013-10-01",
    until: UNTIL,
  },
  {
    id: "storage.strict-liability",
    title: "Strict liability for harm from an improperly stored firearm",
    description: "If such a child or resident gets the improperly stored firearm and injures or kills someone (or themselves), the person who stored it is liable for damages without proof of fault.",
    citations: [STRICT_LIABILITY[0]!.source],
    from: "2013-04-04",
    until: UNTIL,
  },
  {
    id: "storage.criminally-negligent-storage",
    title: "Criminally negligent storage of a firearm (class D felony)",
    description: "The same events are the crime of criminally negligent storage, a class D felony, unless a minor got the firearm through an unlawful entry.",
    citations: [CRIMINALLY_NEGLIGENT_STORAGE[0]!.source],
    from: "2013-04-04",
    until: UNTIL,
  },
];
