// What kind of event an entry records, read from its agency's name, contact type and text. These
// cues are what lets two agencies' records of one event be recognised as such.

export type AgencyKind = 'police' | 'ambulance' | 'ed' | 'hospital' | 'gp' | 'adult_social_care' | 'children_social_care' | 'housing' | 'probation' | 'mental_health' | 'education' | 'other';

const AGENCY_KINDS: [AgencyKind, RegExp][] = [
  ['ambulance', /ambulance|\bNWAS\b|\bSWAST\b|\bEMAS\b|\bYAS\b|paramedic/i],
  ['ed', /\bED\b|A\s?&\s?E|emergency department|urgent care|casualty/i],
  ['police', /police|constabulary|\bmet\b/i],
  ['probation', /probation|youth offending|\bYOT\b|\bYJS\b|\bCRC\b/i],
  ['mental_health', /mental health|\bCMHT\b|\bMH\b|psychiatr|crisis team|\bNHS Foundation\b.*mental/i],
  ['children_social_care', /children|\bCSC\b|early help|family support/i],
  ['adult_social_care', /adult|social care|\bASC\b|social services|safeguarding team/i],
  ['housing', /housing|homes|tenan|landlord|council housing/i],
  ['gp', /\bGP\b|practice|surgery|medical centre|health centre/i],
  ['hospital', /hospital|trust|infirmary|NHS/i],
  ['education', /school|college|education|academy/i],
];

/** What names an agency of this kind in a text ("conveyed by ambulance", "letter from the GP"), if anything can. */
export function namedBy(kind: AgencyKind): RegExp | null {
  if (kind === 'other') return null;
  return REFERRAL_TARGETS.find(([k]) => k === kind)?.[1] ?? AGENCY_KINDS.find(([k]) => k === kind)?.[1] ?? null;
}

export function agencyKind(name: string): AgencyKind {
  return AGENCY_KINDS.find(([, re]) => re.test(name))?.[0] ?? 'other';
}

/** A multi-agency meeting, in a contact type or text, or in the name of an extract that is its minutes ("MARAC minutes"). */
export const MEETING = /strategy (?:meeting|discussion)|\bMARAC\b|(?:case|child protection|review|family group|pre-?birth) conference|\b[IR]CPCs?\b|core group|multi[- ]agency (?:meeting|risk)|professionals'? meeting|network meeting|\bMAPPA\b|\bMASH\b meeting/i;

export interface Cues {
  call: boolean;
  edArrival: boolean;
  referralOut: AgencyKind | 'any' | null;
  referralIn: boolean;
  jointVisit: boolean;
  arrest: boolean;
  meeting: boolean;
  /** A court hearing or sentence: police and probation both record it. */
  hearing: boolean;
}

const REFERRAL_TARGETS: [AgencyKind, RegExp][] = [
  ['adult_social_care', /adult social care|\bASC\b|adult services|social services|safeguarding( team| adults)?|local authority/i],
  ['children_social_care', /children'?s social care|\bCSC\b|children'?s services|\bMASH\b|early help/i],
  ['housing', /housing/i],
  ['mental_health', /mental health|\bCMHT\b|crisis team|psychiatr/i],
  ['gp', /\bGP\b/i],
  ['police', /police/i],
  ['probation', /probation|\bYOT\b/i],
];

/** The kinds of agency a text names as the one it sends to or shares with ("referred to ASC", "informed GP"). */
export function kindsNamedIn(text: string): AgencyKind[] {
  return REFERRAL_TARGETS.filter(([, re]) => re.test(text)).map(([k]) => k);
}

// Information passed on without the word "referral": "PPN submitted to CSC", "informed GP",
// "police notification received". Only counted when the text also names the other agency.
const PASSED_ON = /(?:PPN|notification|information|details|report|concerns?|records?|summary|letter|e-?mail|request|enquiry|update)\s+(?:sent|submitted|shared|passed|e-?mailed|forwarded|faxed|made)\s+(?:on\s+)?(?:to|with)\s+([^.;\n]{0,60})|\b(?:informed|notified|shared with|e-?mailed|sent to|copied to|passed to)\s+([^.;\n]{0,60})/i;
/** Services a note may say it heard from, beyond the agency kinds: "Maternity discharge summary", "letter from the HV". */
const SERVICES = /maternity|midwi|health visit|\bHVs?\b|nursery|school|\bIDVA\b|\bMARAC\b|\bCAMHS\b|paediatric|consultant|clinic|\bEPAU\b|\bMASH\b|\bEDT\b/i;
const RECEIVED = /(?:notification|PPN|information|letter|report|e-?mail|summary|request|enquiry|update|call)\s+(?:received\s+)?from\s+([^.;\n]{0,60})|\b(?:received from|notified by)\s+([^.;\n]{0,60})|^([^.;\n]{0,40})\s+(?:notification|PPN|letter|discharge summary)\b/i;

export function cuesOf(agency: AgencyKind, contactType: string, text: string): Cues {
  const both = `${contactType} ${text}`;
  const out = /referr(?:al|ed)\s+(?:(?:made|sent|out|completed|submitted)\s+)?(?:to|into)\s+([^.;\n]{0,60})|referral (?:out|sent|made|submitted)|\bonward referral\b/i.exec(both);
  let referralOut: Cues['referralOut'] = null;
  if (out && !/referral (in|received)|received (a )?referral|referral from/i.test(contactType)) {
    const target = out[1] ?? '';
    referralOut = REFERRAL_TARGETS.find(([, re]) => re.test(target))?.[0] ?? 'any';
  } else {
    const passed = PASSED_ON.exec(both);
    const target = passed ? (passed[1] ?? passed[2] ?? '') : '';
    referralOut = (target && REFERRAL_TARGETS.find(([k, re]) => k !== agency && re.test(target))?.[0]) || null;
  }
  const received = RECEIVED.exec(both);
  const from = received ? (received[1] ?? received[2] ?? received[3] ?? '') : '';
  const receivedFromAgency = from !== '' && (SERVICES.test(from) || REFERRAL_TARGETS.some(([k, re]) => k !== agency && re.test(from)) || AGENCY_KINDS.some(([k, re]) => k !== agency && re.test(from)));
  return {
    call: agency === 'ambulance' || /ambulance (?:called|requested|dispatched|attended|call)|paramedics? (?:attended|called)|\bconveyed\b/i.test(both),
    edArrival:
      ((agency === 'ed' || agency === 'hospital') && /\bED\b|A\s?&\s?E|emergency|attendance|arriv|attended|conveyed|brought in/i.test(both)) ||
      /(?:arrived|attended|presented|conveyed|brought) (?:at |to )?(?:the )?(?:ED|A\s?&\s?E|emergency department|hospital)/i.test(both),
    referralOut,
    referralIn: receivedFromAgency || /referral (?:in\b|received)|received (?:a |the )?referral|referral from|new referral|contact received/i.test(both),
    jointVisit: /joint (?:home |welfare )?visit|jointly visited|visited (?:jointly )?with (?:police|social|housing|the)/i.test(both),
    arrest: /\barrest(?:ed)?\b/i.test(both),
    meeting: MEETING.test(both),
    hearing: /\bcourt\b|\bsentenc|\bhearing\b|magistrates|\bMC\b/i.test(both),
  };
}
