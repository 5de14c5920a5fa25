/**
 * US states and territories as ATF's tables name them, with their USPS codes, and the policy
 * question of which states have "weaker" gun laws than the destination states.
 */
export const STATES: Readonly<Record<string, string>> = {
  AL: "Alabama",
  AK: "Alaska",
  AZ: "Arizona",
  AR: "Arkansas",
  CA: "California",
  CO: "Colorado",
  CT: "Connecticut",
  DE: "Delaware",
  DC: "District of Columbia",
  FL: "Florida",
  GA: "Georgia",
  HI: "Hawaii",
  ID: "Idaho",
  IL: "Illinois",
  IN: "Indiana",
  IA: "Iowa",
  KS: "Kansas",
  KY: "Kentucky",
  LA: "Louisiana",
  ME: "Maine",
  MD: "Maryland",
  MA: "Massachusetts",
  MI: "Michigan",
  MN: "Minnesota",
  MS: "Mississippi",
  MO: "Missouri",
  MT: "Montana",
  NE: "Nebraska",
  NV: "Nevada",
  NH: "New Hampshire",
  NJ: "New Jersey",
  NM: "New Mexico",
  NY: "New York",
  NC: "North Carolina",
  ND: "North Dakota",
  OH: "Ohio",
  OK: "Oklahoma",
  OR: "Oregon",
  PA: "Pennsylvania",
  RI: "Rhode Island",
  SC: "South Carolina",
  SD: "South Dakota",
  TN: "Tennessee",
  TX: "Texas",
  UT: "Utah",
  VT: "Vermont",
  VA: "Virginia",
  WA: "Washington",
  WV: "West Virginia",
  WI: "Wisconsin",
  WY: "Wyoming",
  PR: "Puerto Rico",
  GU: "Guam",
  VI: "Virgin Islands",
};
const BY_NAME = new Map(Object.entries(STATES).map(([c, n]) => [n, c]));
export const stateName = (code: string): string | undefined => STATES[code];
export const stateCode = (name: string): string | undefined => BY_NAME.get(name);

/**
 * States counted as having stronger gun laws: those that, through 2010-2020, required either a
 * permit or licence to buy a handgun or a background check on every handgun sale including
 * private sales (California, Connecticut, Hawaii, Illinois, Maryland, Massachusetts, New Jersey,
 * New York, Rhode Island) and the District of Columbia. Every other state (and territory) is
 * "weaker" for the share shown.
 *
 * QUESTION(legal): "states with weaker laws" (the plan's words) has no statutory definition. This
 * reading uses one observable criterion about purchases, fixed over the table's years; a later
 * change in a state's law (for example universal background checks enacted after 2013 in
 * Colorado, Delaware, Oregon, Washington, Nevada, Virginia, New Mexico) is not modelled. The
 * Attorney General's office should confirm the list or give its own, ideally per year.
 */
export const STRONGER_LAW_STATES: readonly string[] = ["CA", "CT", "DC", "HI", "IL", "MD", "MA", "NJ", "NY", "RI"];
export const isWeakerLawState = (code: string) => !STRONGER_LAW_STATES.includes(code);

/**
 * The "iron pipeline": the Interstate 95 corridor from the Southeast to the Northeast, named in
 * trafficking studies as the route of guns bought in the South and recovered in New York,
 * New Jersey, Massachusetts and Connecticut. Used to group source states for the corridor view.
 */
export const IRON_PIPELINE_SOURCES: readonly string[] = ["FL", "GA", "SC", "NC", "VA"];
/** The destination states of the plan (Connecticut and its partners). */
export const DESTINATION_STATES: readonly string[] = ["CT", "NY", "NJ", "MA"];
