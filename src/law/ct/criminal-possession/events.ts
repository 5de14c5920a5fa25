/**
 * A person's events that the possession crimes (and the credential rules) look at.
 * The one schema and scan helper live in src/law/core/person-events.ts; this file
 * keeps the names the possession rules and the platform's modules import.
 */
export {
  ConvictionEvent,
  CourtOrderEvent,
  FederalProhibitorEvent,
  FirearmsSeizureOrderEvent,
  NgriDischargeEvent,
  PersonEvent,
  PersonEvents,
  ProbateCommitmentEvent,
  VoluntaryAdmissionEvent,
  eventsOfKind,
  happenedBy,
  type Tri,
} from "../../core/person-events.ts";
