/**
 * Question `safe-storage`: was a loaded firearm stored as the law requires,
 * and do strict liability or the crime of criminally negligent storage follow?
 *
 * Yes: compliant (or secure storage was not required) and no liability; no:
 * secure storage was required and not kept, or liability or the crime follows;
 * unknown: facts missing.
 */
import type { PlainDate } from "../../core/dates.ts";
import type { Answer, Question } from "../../core/questions.ts";
import { allOf } from "../../core/rules.ts";
import { SafeStorageFacts } from "./storage-facts.ts";
import {
  SECURE_METHODS,
  TRIGGERS,
  type Trigger,
  secureStorage,
  secureStorageRequired,
  triggerValues,
} from "./secure-storage-required.ts";
import { STRICT_LIABILITY, strictLiability } from "./strict-liability.ts";
import {
  CRIMINALLY_NEGLIGENT_STORAGE,
  criminallyNegligentStorage,
  unlawfulEntryException,
} from "./criminally-negligent-storage.ts";

export interface SafeStorageResult {
  secureStorageRequired: boolean | null;
  compliant: boolean | null;
  triggers: Trigger[];
  strictlyLiable: boolean | null;
  criminallyNegligentStorage: boolean | null;
}

function tri(status: string): boolean | null {
  return status === "not-met" ? true : status === "not-applicable" ? false : null;
}

export function decideSafeStorage(facts: SafeStorageFacts, on: PlainDate): Answer<SafeStorageResult> {
  const storage = secureStorage(facts, on);
  const liability = strictLiability(facts, storage, on);
  const crime = criminallyNegligentStorage(facts, storage, on);
  const exception = unlawfulEntryException(facts, on);
  const findings = [storage, liability, crime, exception];
  const required = secureStorageRequired(facts, on);
  const t = triggerValues(facts, on);
  return {
    outcome: allOf([storage, liability, crime]),
    result: {
      secureStorageRequired: required ?? null,
      compliant:
        storage.status === "met" || storage.status === "not-applicable"
          ? true
          : storage.status === "not-met"
            ? false
            : null,
      triggers: (Object.keys(t) as Trigger[]).filter((k) => t[k] === true),
      strictlyLiable: tri(liability.status),
      criminallyNegligentStorage: tri(crime.status),
    },
    findings,
  };
}

export const safeStorage: Question<SafeStorageFacts, SafeStorageResult> = {
  id: "safe-storage",
  title: "Safe storage of a loaded firearm",
  description:
    "Whether a person who keeps a loaded firearm on premises under his or her control must store it securely (locked container, a location a reasonable person would believe secure, or carried or within reach): required when the person knows or should know that a minor under 16 is likely to gain access without a parent's permission, and from 2013-10-01 also when a resident is ineligible to possess firearms or poses a risk of imminent injury; and whether strict civil liability and the class D felony of criminally negligent storage follow when such a person obtains the firearm and causes injury or death.",
  citations: [
    TRIGGERS.minor[0]!.source,
    TRIGGERS["ineligible-resident"][0]!.source,
    SECURE_METHODS[0]!.source,
    STRICT_LIABILITY[0]!.source,
    CRIMINALLY_NEGLIGENT_STORAGE[0]!.source,
  ],
  modelledFrom: "2013-04-04",
  facts: SafeStorageFacts,
  result: {
    secureStorageRequired: "true when secure storage is required, false when not, null when unknown",
    compliant: "true when the storage meets the law (or none was required), false when it does not, null when unknown",
    triggers: "the circumstances that require secure storage: minor, ineligible-resident, at-risk-resident",
    strictlyLiable: "true when the person is strictly liable for damages, false when not, null when unknown",
    criminallyNegligentStorage:
      "true when the facts make out criminally negligent storage (class D felony), false when not, null when unknown",
  },
  example: { loaded: true, onPremisesUnderControl: true, residentIneligible: true, storage: "locked-container" },
  decide: decideSafeStorage,
};
