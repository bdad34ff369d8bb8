// The lexicon a new case starts with: phrases UK chronologies use for concerns, multi-agency
// responses and routine contacts. It is data: the case keeps its own copy, which the panel edits.
// Phrase syntax (see compile.ts): whole words, any letter case, `*` = any word ending ("bruis*"),
// `(a|b)` = either, `?` = optional. Here `re:` marks a regular expression, `cs:` a phrase whose
// letter case must match (abbreviations that are ordinary words in lower case: DA, SU, OD) and `rc:`
// a regular expression whose letter case must match.
import type { LexiconRule, SignalKind } from '../../../shared/signals.js';

type Row = [pattern: string, theme: string, severity: 1 | 2 | 3];

/** Services a referral to (or for) is clinical or practical, not a safeguarding response ("referral made to physiotherapy"). */
const NOT_SAFEGUARDING =
  '(?:physio|OT\\b|occupational|diet|podiatr|audiolog|orthop|dermatolog|ENT\\b|memory|falls|pain|continence|wheelchair|optic|dent|speech|fracture|x-?ray|befriend|social prescrib|smoking|weight management)';

/** Words before "referral" that make it a clinical one ("booking referral made", "physio referral sent"). */
const CLINICAL_BEFORE = '(?:booking|antenatal|clinic|outpatient|consultant|physio|dietetic|dietitian|falls|podiatry|audiology|dental|optician)';

const CONCERNS: Row[] = [
  // injury
  ['bruis*', 'injury', 2], ['injur*', 'injury', 2], ['laceration*', 'injury', 2], ['cut lip', 'injury', 2], ['black eye', 'injury', 3],
  ['re:\\bfracture[sd]?\\b(?!\\s+clinic)', 'injury', 3], ['burn marks', 'injury', 3], ['head injury', 'injury', 3], ['unexplained', 'injury', 2],
  ['fell down (the )?stairs', 'injury', 2], ['non-accidental', 'injury', 3], ['wound*', 'injury', 2],
  ['swelling', 'injury', 2], ['swollen', 'injury', 2], ['split lip', 'injury', 2], ['burn* (to|on)', 'injury', 3], ['burn mark*', 'injury', 3], ['scald*', 'injury', 3],
  ['re:\\bmarks?\\s+(?:to|on)\\s+(?:his|her|their|the)\\s+(?:face|cheek|neck|ear|arms?|back|legs?|body|head|chest)\\b', 'injury', 3],
  ['inconsistent (account|explanation|history)', 'injury', 3], ['account (was )?inconsistent', 'injury', 3], ['walked into a (door|cupboard|wall)', 'injury', 2],
  ['unable to (say|explain) how', 'injury', 2],
  ['cs:NAI', 'injury', 3], ['(history|hx|account|story|explanation) (was |is )?inconsistent', 'injury', 3], ['self-inflicted', 'injury', 3],
  ['cutting (her|his|their|my) (arms|legs|wrists|thighs|skin)', 'injury', 3],
  // exploitation / financial abuse / coercion
  ['took my card', 'exploitation', 3], ['(takes|took|taking|taken) (her|his|their|my) money', 'exploitation', 3], ['taken (his|her|their|my) (bank )?card', 'exploitation', 3], ['bank card*', 'exploitation', 2],
  ['money (goes|went|gone|taken|missing)', 'exploitation', 3], ['goes on the lads', 'exploitation', 3], ['financial abuse', 'exploitation', 3],
  ['financially exploit*', 'exploitation', 3], ['exploit*', 'exploitation', 3], ['mate crime', 'exploitation', 3], ['owes money', 'exploitation', 2],
  ['benefits (taken|collected by|missing)', 'exploitation', 3], ['rent arrears', 'exploitation', 1], ['answered (all )?(the )?(questions )?for (him|her|them)', 'exploitation', 2],
  ['pin number', 'exploitation', 2], ['coerc*', 'exploitation', 3], ['controlled by', 'exploitation', 2], ['no money', 'exploitation', 2],
  ['re:\\b(?:takes|took|taking|taken|keeps|kept|keeping|steals|stole|stealing|steal)\\s+(?:his\\s+|her\\s+|their\\s+|my\\s+|the\\s+|\\w+\'s\\s+)?(?:money|pension|benefits?|bank\\s+cards?|PIP)\\b', 'exploitation', 3],
  ['(pension|benefits) (is |are |being )?(collected|withdrawn|kept) by', 'exploitation', 2],
  ['control* (her|his|their|my) (money|finances|benefits|phone|bank)', 'exploitation', 3], ['controls everything', 'exploitation', 3],
  ['(asks|asking|asked|demands|demanding|demanded) (her |him |them )?for money', 'exploitation', 2], ['borrow* money', 'exploitation', 2],
  // associates at the address / cuckooing
  ['cuckoo*', 'associates', 3], ['(men|people|males|youths|visitors) (going|coming) in and out', 'associates', 3], ['visitors', 'associates', 2],
  ['(men|people|males|youths|visitors|strangers) coming and going', 'associates', 3], ['sell* drugs', 'associates', 3], ['dealing (from|drugs)', 'associates', 3],
  ['older (males|men|boyfriend)', 'associates', 2], ['older male\'s', 'associates', 2], ['cs:CSE', 'associates', 3], ['cs:CCE', 'associates', 3], ['getting into cars', 'associates', 3],
  ['(new|unknown) (adults|males|men|people|friends|associates)', 'associates', 2], ['staying at (his|her|their|the) (flat|address|home|property)', 'associates', 2],
  ['county lines', 'associates', 3], ['intent to supply', 'associates', 3], ['drug dealing', 'associates', 3], ['taken over', 'associates', 2],
  ['associate* at (the )?address', 'associates', 2], ['would not give (his|her|their) name', 'associates', 2], ['mate of', 'associates', 1],
  // self-neglect
  ['weight loss', 'self-neglect', 2], ['lost weight', 'self-neglect', 2], ['losing weight', 'self-neglect', 2], ['unkempt', 'self-neglect', 2], ['dishevelled', 'self-neglect', 2],
  ['hoard*', 'self-neglect', 2], ['self-neglect*', 'self-neglect', 3], ['self neglect*', 'self-neglect', 3], ['poor hygiene', 'self-neglect', 2],
  ['no food', 'self-neglect', 2], ['not eating', 'self-neglect', 2], ['squalor', 'self-neglect', 3], ['no heating', 'self-neglect', 2],
  ['malnourish*', 'self-neglect', 3], ['pressure (sore|ulcer)*', 'self-neglect', 2], ['pressure damage', 'self-neglect', 2],
  ['neglect*', 'self-neglect', 2], ['unwashed', 'self-neglect', 2], ['underweight', 'self-neglect', 2], ['appeared thin', 'self-neglect', 2],
  ['rotting food', 'self-neglect', 2], ['no electricity', 'self-neglect', 2], ['hungry', 'self-neglect', 2], ['taking food', 'self-neglect', 2],
  ['(clothes|clothing) (were |was )?(dirty|soiled|too small)', 'self-neglect', 2], ['dirty (clothes|clothing)', 'self-neglect', 2], ['(smelt|smelled|smelling|smells) (strongly )?of (urine|faeces)', 'self-neglect', 2],
  ['head lice', 'self-neglect', 1], ['found wandering', 'self-neglect', 2], ['disorientat*', 'self-neglect', 2], ['confused', 'self-neglect', 1],
  ['refus* (care|services|support|help|treatment|entry|access)', 'self-neglect', 2],
  ['home conditions (are |were )?(very )?(poor|squalid|unsanitary)', 'self-neglect', 2], ['poor home conditions', 'self-neglect', 2],
  ['(house|home|flat|property) (is |was )?in a (state|mess|terrible state|poor state)', 'self-neglect', 2], ['(very|extremely|painfully) thin', 'self-neglect', 2],
  ["(cannot|can't|unable to) afford (food|to eat|heating|electricity|gas)", 'self-neglect', 2],
  // missed appointments, no access
  ['did not attend', 'missed-appointments', 1], ['cs:DNA', 'missed-appointments', 1], ['cs:DNA\'d', 'missed-appointments', 1], ['was not brought', 'missed-appointments', 2],
  ['cs:WNB', 'missed-appointments', 2], ['re:\\bmissed\\s+(?:\\w+\\s+){0,3}?(?:appointment|visit|session|review)s?\\b', 'missed-appointments', 1],
  ['not brought', 'missed-appointments', 2], ['absent', 'missed-appointments', 1], ['attendance (is |now )?(below|poor|low)', 'missed-appointments', 1],
  ['no response to knocking', 'missed-appointments', 1], ['no reply', 'missed-appointments', 1], ['no explanation', 'missed-appointments', 1], ['failed to attend', 'missed-appointments', 1],
  ['no access', 'missed-appointments', 1], ['no answer at (the )?door', 'missed-appointments', 1], ['no reply at', 'missed-appointments', 1],
  ['left (the )?(department |ward |unit )?before (treatment|being seen|assessment)', 'missed-appointments', 2], ['not at home', 'missed-appointments', 1],
  ['cs:FTA', 'missed-appointments', 1], ["(did not|didn't) (turn up|show)", 'missed-appointments', 1], ['no answer', 'missed-appointments', 1],
  ['unable to gain (access|entry)', 'missed-appointments', 1],
  ['cancel* (her|his|their) (appt|appointment)*', 'missed-appointments', 1], ['non-attendance', 'missed-appointments', 1],
  ['(not|never) in school', 'missed-appointments', 1], ['missing education', 'missed-appointments', 2], ['out of school', 'missed-appointments', 1],
  // missing episodes: a person gone from home, care or a ward (children and adults at risk)
  ['missing from (home|care|(the |his |her |their )?(placement|school|ward|hospital|address))', 'missing', 3], ['(reported|went|gone|found) missing', 'missing', 3],
  ['missing (person|episode)*', 'missing', 3], ['abscond*', 'missing', 3], ['whereabouts (unknown|not known)', 'missing', 2],
  // emergency contacts
  ['999', 'emergency', 1], ['ambulance', 'emergency', 1], ['ED attendance', 'emergency', 1], ['A&E', 'emergency', 1],
  ['emergency department', 'emergency', 1], ['conveyed to hospital', 'emergency', 1], ['concern for welfare', 'emergency', 1],
  ['welfare check', 'emergency', 1], ['found collapsed', 'emergency', 2], ['frequent (caller|attender|attendee)*', 'emergency', 2], ['long lie', 'emergency', 2],
  ['(2nd|3rd|4th|5th|6th|7th|8th|9th|10th|second|third|fourth|fifth|sixth|repeat|repeated) (call|calls|attendance|attendances|999 call|presentation)', 'emergency', 2], ['cs:ASB', 'emergency', 1], ['anti-social behaviour', 'emergency', 1],
  // mental-health crisis
  ['overdose*', 'mental-health', 3], ['rc:OD\\b(?<!\\d\\s*(?:mg|mcg|micrograms?|g|ml|units?|tabs?|tablets?|caps?|capsules?|puffs?)\\s*OD)', 'mental-health', 3], ['self-harm*', 'mental-health', 3], ['self harm*', 'mental-health', 3],
  // OD is an overdose, except straight after a dose, where it is "once daily" ("omeprazole 20mg OD"); "od of", "took an od" in lower case
  ['od of', 'mental-health', 3], ['(an|took|taken|following|after|post) od', 'mental-health', 3],
  ['(ending|end|take|taking|took) (her|his|their|my) (own )?life', 'mental-health', 3], ['(kill|killing|hang|hanging) (herself|himself|themselves|myself)', 'mental-health', 3],
  ['(wanted|wants|want) to die', 'mental-health', 3], ['end it all', 'mental-health', 3], ['ending it all', 'mental-health', 3],
  ['suicid*', 'mental-health', 3], ['ligature', 'mental-health', 3], ['mental health crisis', 'mental-health', 3], ['crisis team', 'mental-health', 2],
  ['section (135|136)', 'mental-health', 3], ['cs:s136', 'mental-health', 3], ['cs:S136', 'mental-health', 3], ['s.136', 'mental-health', 3], ['sec 136', 'mental-health', 3], ['psychosis', 'mental-health', 2], ['psychotic', 'mental-health', 2],
  ['hearing voices', 'mental-health', 2], ['low mood', 'mental-health', 1], ['paranoi*', 'mental-health', 2],
  // domestic abuse
  ['domestic abuse', 'domestic-abuse', 3], ['domestic violence', 'domestic-abuse', 3], ['DV', 'domestic-abuse', 3], ['cs:DA', 'domestic-abuse', 3],
  ['coercive control', 'domestic-abuse', 3], ['controlling behaviour', 'domestic-abuse', 3], ['assault*', 'domestic-abuse', 3], ['pushed', 'domestic-abuse', 2],
  ['punched', 'domestic-abuse', 3], ['kicked', 'domestic-abuse', 3], ['strangl*', 'domestic-abuse', 3], ['threaten*', 'domestic-abuse', 2],
  ['hits (me|him|her|them)', 'domestic-abuse', 3], ['hit me', 'domestic-abuse', 3], ['would not let (her|him|them) (speak|be seen)', 'domestic-abuse', 3],
  ['child crying', 'domestic-abuse', 2], ['shouting', 'domestic-abuse', 1],
  ['screaming', 'domestic-abuse', 2], ['cs:ABH', 'domestic-abuse', 3], ['cs:GBH', 'domestic-abuse', 3], ['harass*', 'domestic-abuse', 2], ['stalk*', 'domestic-abuse', 3],
  ['non-molestation', 'domestic-abuse', 3], ['breach of (a |the |her |his |their )?(restraining|protective|occupation) order', 'domestic-abuse', 3],
  ['banging on (the )?(door|doors|window|windows)', 'domestic-abuse', 2], ['turning up at (her|his|their) (home|address|work|workplace|door|school)', 'domestic-abuse', 2],
  ['following (her|him|them) (home|around)', 'domestic-abuse', 2], ["(won't|will not|wouldn't|doesn't|does not) let (me|her|him|them)", 'domestic-abuse', 3],
  ['being hit', 'domestic-abuse', 3], ['hitting (me|her|him|them)', 'domestic-abuse', 3],
  ['grabbed (her|him|them|me)', 'domestic-abuse', 3], ['by the throat', 'domestic-abuse', 3], ['dragged', 'domestic-abuse', 3], ['abusive', 'domestic-abuse', 2],
  ['belittl*', 'domestic-abuse', 2], ['monitor* (her|his|their|my) (spending|phone|messages|movements|whereabouts|money)', 'domestic-abuse', 3],
  ['checks (her|his|their|my) phone', 'domestic-abuse', 2],
  ['hit (him|her|them)', 'domestic-abuse', 3], ['partner hit', 'domestic-abuse', 3],
  // substance misuse
  ['intoxicated', 'substance', 1], ['alcohol', 'substance', 1], ['drunk', 'substance', 1], ['heroin', 'substance', 2], ['crack cocaine', 'substance', 2],
  ['cocaine', 'substance', 2], ['drug use', 'substance', 2], ['substance misuse', 'substance', 2], ['cs:SU', 'substance', 1],
  ['under the influence', 'substance', 1], ['cannabis', 'substance', 1], ['spice', 'substance', 2],
  ['(substance|alcohol|drug) abuse', 'substance', 2],
  // disclosure
  ['disclos*', 'disclosure', 2], ['allegation*', 'disclosure', 2], ['withdrew (the )?allegation', 'disclosure', 3],
  ['scared of', 'disclosure', 2], ['scared to', 'disclosure', 2], ['afraid of', 'disclosure', 2], ['frightened', 'disclosure', 2],
  // capacity used to close
  ['has capacity', 'capacity', 2], ['had capacity', 'capacity', 2], ['capacitous', 'capacity', 2], ['lifestyle choice', 'capacity', 2],
  ['unwise decision*', 'capacity', 2],
  // case closed, service declined
  ['case closed', 'closed-declined', 1], ['closed to (the )?service', 'closed-declined', 1], ['cs:NFA', 'closed-declined', 1],
  ['no further action', 'closed-declined', 1], ['declined (all )?(help|support|services|assessment|the offer|offer*|input|to engage)', 'closed-declined', 1],
  ['disengag*', 'closed-declined', 1], ['self-discharg*', 'closed-declined', 1], ['self discharg*', 'closed-declined', 1], ['did not engage', 'closed-declined', 1], ['non-engagement', 'closed-declined', 1],
  // concern in general words
  ['concerns? (raised|about|for|re|regarding)', 'concern', 1], ['worried about', 'concern', 1], ['at risk', 'concern', 1], ['vulnerable', 'concern', 1],
  ['cs:CP concerns', 'concern', 2], ['abus*', 'concern', 2],
  // common misspellings in case notes
  ['brusing', 'injury', 2], ['bruses', 'injury', 2], ['unkept', 'self-neglect', 2], ['assualt*', 'domestic-abuse', 3], ['neglet*', 'self-neglect', 2],
];

const RESPONSES: Row[] = [
  ['safeguarding (adults? |children )?(referral|alert)*', 'referral', 3], [`re:\\breferral(?<!\\b${CLINICAL_BEFORE}\\s+referral)\\s+(?:made|submitted|sent|completed|done)\\b(?!\\s+(?:to|for)\\s+(?:the\\s+)?${NOT_SAFEGUARDING})`, 'referral', 2], ['front door (referral|team|service|contact)', 'referral', 2], ['referr* to (the )?front door', 'referral', 2], ['safeguarding concern*', 'referral', 3], ['adult protection referral', 'referral', 3],
  ['safeguarding (raised|logged|submitted|completed|reported|form*)', 'referral', 3], ['raised (a )?safeguarding', 'referral', 3], ['s/g (referral|alert|concern|raised)*', 'referral', 3],
  ['safegaurding (adults? |children )?(referral|alert|concern)*', 'referral', 3], ['referal (made|submitted|sent|completed|done)', 'referral', 2], ['refferal (made|submitted|sent|completed|done)', 'referral', 2],
  ['mash (referral|referal|refferal|notification|enquiry|checks)', 'referral', 3],
  ['referal* ((him|her|them|client|pt|patient|family|child|children|mum|dad) )?(in)?to (the )?(MASH|ASC|adult social care|children\'s social care|children\'s services|social care|social services|safeguarding|IDVA|MARAC|CSC|police|local authority)', 'referral', 3],
  ['referr* ((him|her|them|client|pt|patient|family|child|children|mum|dad) )?(in)?to (the )?(MASH|ASC|adult social care|children\'s social care|children\'s services|social care|social services|safeguarding|IDVA|MARAC|CSC|police|the local authority)', 'referral', 3],
  [`re:\\breferral\\s+(?:in|received|from)\\b(?!(?:\\s+[\\w']+){0,4}?\\s+(?:for|re|to)\\s+(?:the\\s+)?${NOT_SAFEGUARDING})`, 'referral', 2], ['(housing|police|GP|school) (officer )?referral', 'referral', 2], ['cs:MASH', 'referral', 3],
  ['IDVA referral', 'referral', 3], ['DASH (risk assessment|completed)', 'referral', 2],
  ['information shared', 'information-shared', 2], ['info shared', 'information-shared', 2], ['shared (information|concerns|details) with', 'information-shared', 2], ['sharing (information|concerns|details) with', 'information-shared', 2],
  // An agency told ("GP notified via ePCR", "informed the school"): the weakest response (see CLUSTER_ANSWER).
  ['information sharing', 'information-shared', 2], ['(informed|notified) (the )?(GP|police|social worker|SW|safeguarding|ASC|adult social care|CSC|children\'s social care|MASH|housing|HV|health visitor|school|DSL|IDVA|probation)', 'notified', 2],
  ['(police|GP|SW|social worker|HV|health visitor|school|DSL|safeguarding lead|safeguarding team|ASC|CSC|MASH|IDVA|probation|liaison|named nurse) (informed|notified|made aware|updated)', 'notified', 2],
  ['(concerns|information|info|details) (passed|forwarded|sent|emailed|reported) to', 'information-shared', 2],
  ['strategy (meeting|discussion)*', 'strategy-meeting', 3], ['strategy (mtg|disc)*', 'strategy-meeting', 3], ['strat (meeting|mtg|discussion|disc)*', 'strategy-meeting', 3], ['multi-agency (meeting|risk|planning)*', 'strategy-meeting', 3], ['professionals meeting', 'strategy-meeting', 3],
  ['case conference', 'strategy-meeting', 3], ['child protection conference', 'strategy-meeting', 3], ['cs:CP conference', 'strategy-meeting', 3],
  ['cs:ICPC', 'strategy-meeting', 3], ['cs:RCPC', 'strategy-meeting', 3], ['core group*', 'protection-plan', 3], ['cs:CIN (meeting|plan|review)', 'protection-plan', 2], ['cs:VARM', 'strategy-meeting', 3],
  ['cs:MARAC', 'marac', 3], ['cs:MAPPA', 'marac', 3],
  ['section 47', 'section-42', 3], ['cs:s47', 'section-42', 3], ['cs:S47', 'section-42', 3], ['child protection medical', 'protection-plan', 3], ['cs:CP medical', 'protection-plan', 3], ['s.47', 'section-42', 3], ['joint visit', 'strategy-meeting', 2],
  ['cs:s42', 'section-42', 3], ['cs:S42', 'section-42', 3], ['s.42', 'section-42', 3], ['section 42', 'section-42', 3], ['safeguarding enquir*', 'section-42', 3],
  ['protection plan', 'protection-plan', 3], ['safety plan*', 'protection-plan', 2], ['safeguarding plan', 'protection-plan', 3], ['cs:CP plan', 'protection-plan', 3],
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
  const regex = raw.startsWith('re:') || raw.startsWith('rc:');
  const caseSensitive = raw.startsWith('cs:') || raw.startsWith('rc:');
  const pattern = regex || caseSensitive ? raw.slice(3) : raw;
  return { pattern, regex, caseSensitive, kind, theme, severity };
}

export const DEFAULT_RULES: readonly DefaultRule[] = [
  ...RESPONSES.map((r) => toRule('response', r)),
  ...CONCERNS.map((r) => toRule('concern', r)),
  ...ROUTINE.map((r) => toRule('routine', r)),
];

export const DEFAULT_SETTINGS = { spanDays: 30, graceDays: 14, readByModel: true } as const;
