// The lexicon a new case starts with: phrases UK chronologies use for concerns, multi-agency
// responses and routine contacts. It is data: the case keeps its own copy, which the panel edits.
// Phrase syntax (see compile.ts): whole words, any letter case, `*` = any word ending ("bruis*"),
// `(a|b)` = either, `?` = optional. Here `re:` marks a regular expression and `cs:` a phrase whose
// letter case must match (abbreviations that are ordinary words in lower case: DA, SU, OD).
import type { LexiconRule, SignalKind } from '../../../shared/signals.js';

type Row = [pattern: string, theme: string, severity: 1 | 2 | 3];

const CONCERNS: Row[] = [
  // injury
  ['bruis*', 'injury', 2], ['injur*', 'injury', 2], ['laceration*', 'injury', 2], ['cut lip', 'injury', 2], ['black eye', 'injury', 3],
  ['re:\\bfracture[sd]?\\b(?!\\s+clinic)', 'injury', 3], ['burn marks', 'injury', 3], ['head injury', 'injury', 3], ['unexplained', 'injury', 2],
  ['fell down (the )?stairs', 'injury', 2], ['non-accidental', 'injury', 3], ['wound*', 'injury', 2],
  ['swelling', 'injury', 2], ['swollen', 'injury', 2], ['split lip', 'injury', 2], ['burn* (to|on)', 'injury', 3], ['burn mark*', 'injury', 3], ['scald*', 'injury', 3],
  ['re:\\bmarks?\\s+(?:to|on)\\s+(?:his|her|their|the)\\s+(?:face|cheek|neck|ear|arms?|back|legs?|body|head|chest)\\b', 'injury', 3],
  ['inconsistent (account|explanation|history)', 'injury', 3], ['account (was )?inconsistent', 'injury', 3], ['walked into a (door|cupboard|wall)', 'injury', 2],
  ['unable to (say|explain) how', 'injury', 2],
  // exploitation / financial abuse / coercion
  ['took my card', 'exploitation', 3], ['(takes|took|taking|taken) (her|his|their|my) money', 'exploitation', 3], ['taken (his|her|their|my) (bank )?card', 'exploitation', 3], ['bank card*', 'exploitation', 2],
  ['money (goes|went|gone|taken|missing)', 'exploitation', 3], ['goes on the lads', 'exploitation', 3], ['financial abuse', 'exploitation', 3],
  ['financially exploit*', 'exploitation', 3], ['exploit*', 'exploitation', 3], ['mate crime', 'exploitation', 3], ['owes money', 'exploitation', 2],
  ['benefits (taken|collected by|missing)', 'exploitation', 3], ['rent arrears', 'exploitation', 1], ['answered for (him|her|them)', 'exploitation', 2],
  ['pin number', 'exploitation', 2], ['coerc*', 'exploitation', 3], ['controlled by', 'exploitation', 2], ['no money', 'exploitation', 2],
  // associates at the address / cuckooing
  ['cuckoo*', 'associates', 3], ['(men|people|males|youths|visitors) (going|coming) in and out', 'associates', 3], ['visitors', 'associates', 2],
  ['(new|unknown) (adults|males|men|people|friends|associates)', 'associates', 2], ['staying at (his|her|their|the) (flat|address|home|property)', 'associates', 2],
  ['county lines', 'associates', 3], ['intent to supply', 'associates', 3], ['drug dealing', 'associates', 3], ['taken over', 'associates', 2],
  ['associate* at (the )?address', 'associates', 2], ['would not give (his|her|their) name', 'associates', 2], ['mate of', 'associates', 1],
  // self-neglect
  ['weight loss', 'self-neglect', 2], ['lost weight', 'self-neglect', 2], ['unkempt', 'self-neglect', 2], ['dishevelled', 'self-neglect', 2],
  ['hoard*', 'self-neglect', 2], ['self-neglect*', 'self-neglect', 3], ['self neglect*', 'self-neglect', 3], ['poor hygiene', 'self-neglect', 2],
  ['no food', 'self-neglect', 2], ['not eating', 'self-neglect', 2], ['squalor', 'self-neglect', 3], ['no heating', 'self-neglect', 2],
  ['malnourish*', 'self-neglect', 3], ['pressure (sore|ulcer)*', 'self-neglect', 2],
  ['neglect*', 'self-neglect', 2], ['unwashed', 'self-neglect', 2], ['underweight', 'self-neglect', 2], ['appeared thin', 'self-neglect', 2],
  ['rotting food', 'self-neglect', 2], ['no electricity', 'self-neglect', 2], ['hungry', 'self-neglect', 2], ['taking food', 'self-neglect', 2],
  ['(clothes|clothing) (were |was )?(dirty|soiled|too small)', 'self-neglect', 2], ['dirty (clothes|clothing)', 'self-neglect', 2], ['smelt of urine', 'self-neglect', 2],
  ['head lice', 'self-neglect', 1], ['found wandering', 'self-neglect', 2], ['disorientat*', 'self-neglect', 2], ['confused', 'self-neglect', 1],
  ['refus* (care|services|support|help|treatment|entry|access)', 'self-neglect', 2],
  // missed appointments, no access
  ['did not attend', 'missed-appointments', 1], ['cs:DNA', 'missed-appointments', 1], ['cs:DNA\'d', 'missed-appointments', 1], ['was not brought', 'missed-appointments', 2],
  ['cs:WNB', 'missed-appointments', 2], ['re:\\bmissed\\s+(?:\\w+\\s+){0,3}?(?:appointment|visit|session|review)s?\\b', 'missed-appointments', 1],
  ['not brought', 'missed-appointments', 2], ['absent', 'missed-appointments', 1], ['attendance (is |now )?(below|poor|low)', 'missed-appointments', 1],
  ['no response to knocking', 'missed-appointments', 1], ['no reply', 'missed-appointments', 1], ['no explanation', 'missed-appointments', 1], ['failed to attend', 'missed-appointments', 1],
  ['no access', 'missed-appointments', 1], ['no answer at (the )?door', 'missed-appointments', 1], ['no reply at', 'missed-appointments', 1],
  ['left before (treatment|being seen|assessment)', 'missed-appointments', 2], ['not at home', 'missed-appointments', 1],
  // missing episodes: a person gone from home, care or a ward (children and adults at risk)
  ['missing from (home|care|(the |his |her |their )?(placement|school|ward|hospital|address))', 'missing', 3], ['(reported|went|gone|found) missing', 'missing', 3],
  ['missing (person|episode)*', 'missing', 3], ['abscond*', 'missing', 3], ['whereabouts (unknown|not known)', 'missing', 2],
  // emergency contacts
  ['999', 'emergency', 1], ['ambulance', 'emergency', 1], ['ED attendance', 'emergency', 1], ['cs:A&E', 'emergency', 1],
  ['emergency department', 'emergency', 1], ['conveyed to hospital', 'emergency', 1], ['concern for welfare', 'emergency', 1],
  ['welfare check', 'emergency', 1], ['found collapsed', 'emergency', 2], ['cs:ASB', 'emergency', 1], ['anti-social behaviour', 'emergency', 1],
  // mental-health crisis
  ['overdose*', 'mental-health', 3], ['cs:OD', 'mental-health', 3], ['self-harm*', 'mental-health', 3], ['self harm*', 'mental-health', 3],
  ['suicid*', 'mental-health', 3], ['ligature', 'mental-health', 3], ['mental health crisis', 'mental-health', 3], ['crisis team', 'mental-health', 2],
  ['section 136', 'mental-health', 3], ['cs:s136', 'mental-health', 3], ['psychosis', 'mental-health', 2], ['psychotic', 'mental-health', 2],
  ['hearing voices', 'mental-health', 2], ['low mood', 'mental-health', 1], ['paranoi*', 'mental-health', 2],
  // domestic abuse
  ['domestic abuse', 'domestic-abuse', 3], ['domestic violence', 'domestic-abuse', 3], ['cs:DV', 'domestic-abuse', 3], ['cs:DA', 'domestic-abuse', 3],
  ['coercive control', 'domestic-abuse', 3], ['controlling behaviour', 'domestic-abuse', 3], ['assault*', 'domestic-abuse', 3], ['pushed', 'domestic-abuse', 2],
  ['punched', 'domestic-abuse', 3], ['kicked', 'domestic-abuse', 3], ['strangl*', 'domestic-abuse', 3], ['threaten*', 'domestic-abuse', 2],
  ['hits (me|him|her|them)', 'domestic-abuse', 3], ['hit me', 'domestic-abuse', 3], ['would not let (her|him|them) (speak|be seen)', 'domestic-abuse', 3],
  ['child crying', 'domestic-abuse', 2], ['shouting', 'domestic-abuse', 1],
  ['hit (him|her|them)', 'domestic-abuse', 3], ['partner hit', 'domestic-abuse', 3],
  // substance misuse
  ['intoxicated', 'substance', 1], ['alcohol', 'substance', 1], ['drunk', 'substance', 1], ['heroin', 'substance', 2], ['crack cocaine', 'substance', 2],
  ['cocaine', 'substance', 2], ['drug use', 'substance', 2], ['substance misuse', 'substance', 2], ['cs:SU', 'substance', 1],
  ['under the influence', 'substance', 1], ['cannabis', 'substance', 1], ['spice', 'substance', 2],
  // disclosure
  ['disclos*', 'disclosure', 2], ['allegation*', 'disclosure', 2], ['withdrew (the )?allegation', 'disclosure', 3],
  ['scared of', 'disclosure', 2], ['afraid of', 'disclosure', 2], ['frightened', 'disclosure', 2],
  // capacity used to close
  ['has capacity', 'capacity', 2], ['had capacity', 'capacity', 2], ['capacitous', 'capacity', 2], ['lifestyle choice', 'capacity', 2],
  ['unwise decision*', 'capacity', 2],
  // case closed, service declined
  ['case closed', 'closed-declined', 1], ['closed to (the )?service', 'closed-declined', 1], ['cs:NFA', 'closed-declined', 1],
  ['no further action', 'closed-declined', 1], ['declined (all )?(help|support|services|assessment|the offer|offer*|input|to engage)', 'closed-declined', 1],
  ['disengag*', 'closed-declined', 1], ['self-discharg*', 'closed-declined', 1], ['self discharg*', 'closed-declined', 1], ['did not engage', 'closed-declined', 1],
  // concern in general words
  ['concerns? (raised|about|for|re|regarding)', 'concern', 1], ['worried about', 'concern', 1], ['at risk', 'concern', 1], ['vulnerable', 'concern', 1],
  ['cs:CP concerns', 'concern', 2],
];

const RESPONSES: Row[] = [
  ['safeguarding (adults? |children )?(referral|alert)*', 'referral', 3], ['referral (made|submitted|sent)', 'referral', 2], ['front door', 'referral', 2], ['safeguarding concern*', 'referral', 3], ['adult protection referral', 'referral', 3],
  ['referr* (in)?to (the )?(MASH|ASC|adult social care|children\'s social care|children\'s services|social care|social services|safeguarding|IDVA|MARAC|CSC|police|the local authority)', 'referral', 3],
  ['referral (in|received|from)', 'referral', 2], ['(housing|police|GP|school) (officer )?referral', 'referral', 2], ['cs:MASH', 'referral', 3],
  ['IDVA referral', 'referral', 3], ['DASH (risk assessment|completed)', 'referral', 2],
  ['information shared', 'information-shared', 2], ['info shared', 'information-shared', 2], ['shared (information|concerns|details) with', 'information-shared', 2], ['sharing (information|concerns|details) with', 'information-shared', 2],
  ['information sharing', 'information-shared', 2], ['(informed|notified) (the )?(GP|police|social worker|safeguarding|ASC|adult social care|housing)', 'information-shared', 2],
  ['strategy (meeting|discussion)*', 'strategy-meeting', 3], ['multi-agency (meeting|risk|planning)*', 'strategy-meeting', 3], ['professionals meeting', 'strategy-meeting', 3],
  ['case conference', 'strategy-meeting', 3], ['child protection conference', 'strategy-meeting', 3], ['cs:VARM', 'strategy-meeting', 3],
  ['cs:MARAC', 'marac', 3], ['cs:MAPPA', 'marac', 3],
  ['section 47', 'section-42', 3], ['cs:s47', 'section-42', 3], ['cs:S47', 'section-42', 3], ['child protection medical', 'protection-plan', 3], ['joint visit', 'strategy-meeting', 2],
  ['cs:s42', 'section-42', 3], ['cs:S42', 'section-42', 3], ['s.42', 'section-42', 3], ['section 42', 'section-42', 3], ['safeguarding enquir*', 'section-42', 3],
  ['protection plan', 'protection-plan', 3], ['safety plan', 'protection-plan', 2], ['safeguarding plan', 'protection-plan', 3], ['cs:CP plan', 'protection-plan', 3],
];

const ROUTINE: Row[] = [
  ['annual review', 'review', 1], ['medication review', 'review', 1], ['planned review', 'review', 1], ['routine review', 'review', 1], ['care review', 'review', 1],
  ['rent statement', 'statement', 1], ['statement (sent|issued)', 'statement', 1], ['repeat prescription*', 'statement', 1], ['annual statement', 'statement', 1],
  ['attended as planned', 'attendance', 1], ['routine', 'attendance', 1], ['follow-up', 'attendance', 1], ['flu (jab|vaccination)', 'attendance', 1],
  ['vaccination', 'attendance', 1], ['health check', 'attendance', 1], ['outpatient*', 'attendance', 1], ['gas safety check', 'attendance', 1],
];

/** A rule as seeded into a new case: the stored rule before it has an id or is switched off. */
export type DefaultRule = Omit<LexiconRule, 'id' | 'enabled'>;

function toRule(kind: SignalKind, [raw, theme, severity]: Row): DefaultRule {
  const regex = raw.startsWith('re:');
  const caseSensitive = raw.startsWith('cs:');
  const pattern = regex || caseSensitive ? raw.slice(3) : raw;
  return { pattern, regex, caseSensitive, kind, theme, severity };
}

export const DEFAULT_RULES: readonly DefaultRule[] = [
  ...RESPONSES.map((r) => toRule('response', r)),
  ...CONCERNS.map((r) => toRule('concern', r)),
  ...ROUTINE.map((r) => toRule('routine', r)),
];

export const DEFAULT_SETTINGS = { spanDays: 30, graceDays: 14 } as const;
