/**
 * The public's guided questions: plain-language forms that build a rulebook question's facts, so
 * that a resident gets an answer in words with the rules behind it, without writing JSON. Nothing
 * is stored. Each guide says which question of the rulebook it asks, so the answer is the same one
 * the API and the staff get.
 */
import type { PlainDate } from "../../law/core/dates.ts";

export type Answer = "yes" | "no" | "unknown";

export interface GuideField {
  name: string;
  label: string;
  kind: "select" | "yesno" | "date" | "text" | "number" | "checkboxes";
  hint?: string;
  options?: readonly { value: string; label: string }[];
  required?: boolean;
}

export interface Guide {
  slug: string;
  /** The question as a resident would ask it. */
  title: string;
  intro: string;
  /** The rulebook question it asks (src/law/ct). */
  question: string;
  fields: readonly GuideField[];
  /** Facts for the question from the form's answers; "" means not answered. */
  facts: (v: Record<string, string | string[]>) => unknown;
  /** The answer in words. */
  say: (outcome: Answer) => string;
}

const yn = (v: string | string[] | undefined): boolean | undefined =>
  v === "yes" ? true : v === "no" ? false : undefined;
const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const many = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);

const CREDENTIALS = [
  { value: "state-handgun-permit", label: "State permit to carry a handgun (five years)" },
  {
    value: "temporary-state-permit",
    label: "Temporary state permit (from your town's police chief or first selectman)",
  },
  { value: "handgun-eligibility-certificate", label: "Eligibility certificate for handguns (to buy, not carry)" },
  { value: "long-gun-eligibility-certificate", label: "Long gun eligibility certificate (rifles and shotguns)" },
  { value: "ammunition-certificate", label: "Ammunition certificate" },
] as const;

const FEATURES = [
  {
    value: "gripBelowAction",
    label: "A grip (pistol grip, thumbhole stock) that puts a finger of the trigger hand below the action",
  },
  { value: "foldingOrTelescopingStock", label: "A folding or telescoping stock" },
  { value: "forwardPistolGrip", label: "A forward pistol grip" },
  { value: "flashSuppressor", label: "A flash suppressor" },
  { value: "grenadeLauncher", label: "A grenade or flare launcher" },
  {
    value: "magazineOutsidePistolGrip",
    label: "(Pistols) a detachable magazine that attaches outside the pistol grip",
  },
  {
    value: "threadedBarrel",
    label: "(Pistols) a threaded barrel that can take a flash suppressor, forward grip or silencer",
  },
  { value: "barrelShroud", label: "(Pistols) a shroud around the barrel, other than a slide" },
  { value: "secondHandGrip", label: "(Pistols) a second hand grip" },
  {
    value: "pistolGripProtrudingConspicuously",
    label: "A pistol grip that protrudes conspicuously beneath the action",
  },
  { value: "bayonetMount", label: "A bayonet mount" },
  { value: "threadedBarrelForFlashSuppressor", label: "A threaded barrel made to take a flash suppressor" },
  { value: "flareLauncher", label: "A flare launcher" },
  { value: "threadedBarrelForBarrelExtender", label: "(Pistols) a threaded barrel that can take a barrel extender" },
  {
    value: "barrelShroudForNontriggerHand",
    label: "(Pistols) a shroud that lets the other hand hold the barrel without being burned",
  },
] as const;

export const GUIDES: readonly Guide[] = [
  {
    slug: "permit",
    title: "Can I get a permit or certificate?",
    intro:
      "Answer what you know about yourself. The answer assumes you will consent to the background check and pay the fee; the records check and the federal NICS check are made by the state when you apply, so they stay open here.",
    question: "credential-eligibility",
    fields: [
      {
        name: "credential",
        label: "Which permit or certificate?",
        kind: "select",
        options: CREDENTIALS,
        required: true,
      },
      { name: "birthDate", label: "Your date of birth", kind: "date", required: true },
      { name: "town", label: "The Connecticut town where you live", kind: "text", hint: "For example Hartford" },
      { name: "permanent", label: "Is that your permanent residence?", kind: "yesno" },
      {
        name: "citizen",
        label: "Are you a United States citizen or lawfully present in the United States?",
        kind: "yesno",
      },
      { name: "felony", label: "Have you ever been convicted of a felony?", kind: "yesno" },
      { name: "order", label: "Is a protective or restraining order against you in force?", kind: "yesno" },
    ],
    facts: (v) => {
      const town = one(v.town).trim();
      const events: unknown[] = [];
      const felony = yn(v.felony);
      const order = yn(v.order);
      // A "yes" without dates is a record the rules cannot date: leave the events unknown rather than invent one.
      const known = felony === false && order === false;
      return {
        credential: one(v.credential),
        applicant: {
          birthDate: one(v.birthDate),
          residenceState: "CT",
          ...(town ? { residenceTown: town, applicationTown: town } : {}),
          ...(yn(v.permanent) !== undefined ? { residenceIsPermanent: yn(v.permanent) } : {}),
          ...(yn(v.citizen) !== undefined ? { citizenOrLawfulResident: yn(v.citizen) } : {}),
        },
        backgroundCheckConsent: true,
        feePaid: true,
        ...(known ? { events } : {}),
      };
    },
    say: (o) =>
      o === "yes"
        ? "From what you told us, you meet every requirement for it."
        : o === "no"
          ? "From what you told us, you cannot be issued it. The rules below say which requirement is not met and why."
          : "It depends on what is still open: the state checks your records and the federal NICS when you apply. The rules below say what each open point is.",
  },
  {
    slug: "assault-weapon",
    title: "Is this firearm an assault weapon?",
    intro:
      "Describe the firearm. If it is a model named in the law, give the model; otherwise tick 'not a listed model' and answer for its features.",
    question: "firearm-classification",
    fields: [
      { name: "model", label: "Make and model (if you know it)", kind: "text", hint: "For example Bushmaster XM15" },
      { name: "notListed", label: "It is not a model the law lists, nor a copy of one", kind: "yesno" },
      {
        name: "type",
        label: "What kind of firearm?",
        kind: "select",
        required: true,
        options: [
          { value: "rifle", label: "Rifle" },
          { value: "pistol", label: "Pistol" },
          { value: "shotgun", label: "Shotgun" },
          { value: "other", label: "Something else" },
        ],
      },
      { name: "semiautomatic", label: "Is it semiautomatic?", kind: "yesno" },
      { name: "centerfire", label: "Is it centerfire?", kind: "yesno" },
      { name: "detachable", label: "Does it accept a detachable magazine?", kind: "yesno" },
      {
        name: "features",
        label: "Which of these does it have?",
        kind: "checkboxes",
        options: FEATURES,
        hint: "Tick every one it has. Leave all unticked if it has none.",
      },
      {
        name: "fixedCapacity",
        label: "If its magazine is fixed (not detachable), how many rounds does it hold?",
        kind: "number",
        hint: "Leave empty if the magazine is detachable",
      },
      { name: "length", label: "Overall length, in inches", kind: "number" },
      { name: "madeOn", label: "When was it made? (if you know)", kind: "date" },
      { name: "lawfullyMade", label: "Was it lawfully manufactured?", kind: "yesno" },
      { name: "inoperable", label: "Has it been made permanently inoperable?", kind: "yesno" },
    ],
    facts: (v) => {
      const ticked = new Set(many(v.features));
      const semi = yn(v.semiautomatic);
      const features = Object.fromEntries(FEATURES.map((f) => [f.value, ticked.has(f.value)]));
      const model = one(v.model).trim();
      return {
        firearm: {
          ...(model ? { model } : {}),
          ...(yn(v.notListed) !== undefined ? { notAListedModel: yn(v.notListed) } : {}),
          type: one(v.type),
          ...(semi !== undefined ? { action: semi ? "semiautomatic" : "other" } : {}),
          ...(yn(v.centerfire) !== undefined ? { centerfire: yn(v.centerfire) } : {}),
          ...(yn(v.detachable) !== undefined ? { acceptsDetachableMagazine: yn(v.detachable) } : {}),
          ...(one(v.fixedCapacity)
            ? { fixedMagazineCapacity: Number(one(v.fixedCapacity)) }
            : yn(v.detachable) === true
              ? { fixedMagazineCapacity: 0 }
              : {}),
          ...(one(v.length) ? { overallLengthInches: Number(one(v.length)) } : {}),
          ...(one(v.madeOn) ? { manufacturedOn: one(v.madeOn) } : {}),
          ...(yn(v.lawfullyMade) !== undefined ? { legallyManufactured: yn(v.lawfullyMade) } : {}),
          ...(yn(v.inoperable) !== undefined ? { permanentlyInoperable: yn(v.inoperable) } : {}),
          features,
        },
      };
    },
    say: (o) =>
      o === "yes"
        ? "From what you told us, it is an assault weapon under Connecticut law."
        : o === "no"
          ? "From what you told us, it is not an assault weapon under Connecticut law."
          : "We cannot tell yet: the rules below say which facts would decide it.",
  },
  {
    slug: "magazine",
    title: "Is this magazine a large capacity magazine?",
    intro: "Describe the magazine or feeding device.",
    question: "magazine-classification",
    fields: [
      {
        name: "device",
        label: "What is it?",
        kind: "select",
        required: true,
        options: [
          { value: "magazine", label: "A magazine" },
          { value: "drum", label: "A drum" },
          { value: "belt", label: "A belt" },
          { value: "feed-strip", label: "A feed strip" },
          { value: "similar-device", label: "A similar feeding device" },
          { value: "not-a-feeding-device", label: "Not an ammunition feeding device" },
        ],
      },
      { name: "capacity", label: "How many rounds can it hold?", kind: "number", required: true },
      { name: "altered", label: "Has it been permanently altered to hold ten rounds or fewer?", kind: "yesno" },
      { name: "tube22", label: "Is it a tube that feeds only .22 caliber rimfire ammunition?", kind: "yesno" },
      { name: "lever", label: "Is it a tubular magazine in a lever-action firearm?", kind: "yesno" },
      {
        name: "restorable",
        label: "Could it readily be restored or converted to hold more than ten rounds?",
        kind: "yesno",
      },
      { name: "inoperable", label: "Has it been made permanently inoperable?", kind: "yesno" },
    ],
    facts: (v) => ({
      device: one(v.device),
      capacity: Number(one(v.capacity)),
      ...(yn(v.altered) !== undefined ? { permanentlyAlteredToTenOrFewer: yn(v.altered) } : {}),
      ...(yn(v.tube22) !== undefined ? { caliber22TubeFeedingDevice: yn(v.tube22) } : {}),
      ...(yn(v.lever) !== undefined ? { tubularInLeverAction: yn(v.lever) } : {}),
      ...(yn(v.restorable) !== undefined ? { readilyRestoredOrConverted: yn(v.restorable) } : {}),
      ...(yn(v.inoperable) !== undefined ? { permanentlyInoperable: yn(v.inoperable) } : {}),
    }),
    say: (o) =>
      o === "yes"
        ? "From what you told us, it is a large capacity magazine under Connecticut law."
        : o === "no"
          ? "From what you told us, it is not a large capacity magazine."
          : "We cannot tell yet: the rules below say which facts would decide it.",
  },
  {
    slug: "private-sale",
    title: "Can I sell this long gun privately, and how?",
    intro:
      "For a sale of a rifle or shotgun between two private people (neither of you a licensed dealer). Since 2014 a private sale goes through the state's authorization (DESPP) or a consenting dealer's NICS check.",
    question: "long-gun-sale",
    fields: [
      {
        name: "route",
        label: "How will the sale be checked?",
        kind: "select",
        required: true,
        options: [
          { value: "despp", label: "We ask the state (DESPP) for an authorization number" },
          { value: "dealer-nics", label: "A dealer runs the NICS check for us" },
          { value: "none", label: "Neither: we just hand it over" },
        ],
      },
      { name: "buyerBirthDate", label: "The buyer's date of birth", kind: "date" },
      {
        name: "buyerCredential",
        label: "Which valid credential does the buyer hold?",
        kind: "select",
        options: [
          { value: "long-gun-eligibility-certificate", label: "Long gun eligibility certificate" },
          { value: "permit-to-carry", label: "State permit to carry a handgun" },
          { value: "handgun-eligibility-certificate", label: "Eligibility certificate for handguns" },
          { value: "none", label: "None" },
        ],
      },
      {
        name: "approved",
        label: "Did the check come back approved (authorization number, or NICS 'proceed')?",
        kind: "yesno",
      },
      {
        name: "records",
        label: "Does the buyer have a record that bars having guns (a felony, a protective order, a commitment)?",
        kind: "yesno",
      },
    ],
    facts: (v) => {
      const route = one(v.route);
      const cred = one(v.buyerCredential);
      const approved = yn(v.approved);
      const birth = one(v.buyerBirthDate);
      return {
        seller: { federalLicence: "none" },
        buyer: {
          federalLicence: "none",
          ...(birth ? { birthDate: birth } : {}),
          ...(cred === "none" ? { credentials: [] } : cred ? { credentials: [{ kind: cred, status: "valid" }] } : {}),
          // "No record" is an empty record; "yes" without its dates leaves the record open (unknown), never invented.
          ...(yn(v.records) === false ? { events: [] } : {}),
        },
        transfer: {
          privateRoute: route,
          ...(approved !== undefined && route === "despp"
            ? { authorization: { status: approved ? "approved" : "denied" } }
            : {}),
          ...(approved !== undefined && route === "dealer-nics"
            ? { nics: { status: approved ? "proceed" : "denied" } }
            : {}),
        },
      };
    },
    say: (o) =>
      o === "yes"
        ? "From what you told us, the sale may go ahead this way."
        : o === "no"
          ? "From what you told us, the sale may not go ahead this way. The rules below say why and what would change it."
          : "It depends on what is still open: the rules below say what to check before handing the gun over.",
  },
];

export const findGuide = (slug: string): Guide | undefined => GUIDES.find((g) => g.slug === slug);

/** Date fields of a guide that were answered but are not YYYY-MM-DD. */
export function badDates(g: Guide, v: Record<string, string | string[]>): string[] {
  return g.fields
    .filter((f) => f.kind === "date" && one(v[f.name]) !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(one(v[f.name])))
    .map((f) => f.name);
}

export type { PlainDate };
