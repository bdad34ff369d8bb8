// Every weight and threshold of event linking, in one place: a pair of entries is one event when
// the evidence for it adds up to LINK_THRESHOLD. Judged on the blind evaluation cases (npm run
// eval), never on one fixture's phrasing.
export const LINK_WEIGHTS = {
  /** The contact types fit one event: call -> arrival, referral out -> in, the same meeting, a joint visit, an arrest noted. */
  cue: 2.0,
  /**
   * "Arrested" is written in many later notes (a PPN, a supervision session), so an arrest and a
   * note of it weigh less than the other cues: the notification that carried the news is the
   * better match for the note that received it.
   */
  arrestCue: 1.5,
  /** Close in time (scaled 0..1 by the gap; see timeScore). */
  time: 1.0,
  /** TF-IDF cosine of the two texts over the case's own vocabulary (0..1). */
  text: 2.5,
  /** One entry names the other's agency ("referral received from Children's Services"). */
  namesAgency: 0.6,
  /** One entry's text writes the other's date ("re incident 14/06/19"). */
  writesDate: 1.0,
  /**
   * Both entries name people and none in common. For an event about a household (a meeting, a
   * hearing, a referral, a joint visit) each agency may file it under a different member (a
   * sibling each), so a cost, not a bar...
   */
  peopleDiffer: -1.0,
  /** ... but an ambulance call, an arrival at ED, an arrest or an uncued pair is about one person: nearly a bar. */
  peopleDifferPersonal: -2.5,
  /** One entry names nobody (a note in a record about its one client): nothing for or against. */
  personUnknown: -0.5,
} as const;

export const LINK_THRESHOLD = 2.0;

/** Events about a household rather than one person (see peopleDiffer). */
export const HOUSEHOLD_EVENTS: ReadonlySet<string> = new Set(['meeting', 'hearing', 'referral', 'joint_visit']);

/** Which words are distinctive enough to be text evidence: used by at most this many entries... */
export const LINK_TEXT = {
  minDistinctiveDf: 6,
  /** ... or this share of the case's entries, whichever is more. */
  distinctiveShare: 0.01,
} as const;

/** A day and month written without a year ("attended 25/03") count as a date up to this many days before the entry's own. */
export const LINK_DATE_WITHOUT_YEAR_DAYS = 60;

/** Candidate pairs: different agencies, at most this many days apart. */
export const LINK_WINDOW_DAYS = 8;
/** Without a contact-type cue, only entries this close can be one event. */
export const EVIDENCE_WINDOW_DAYS = 3;
/** Nearest candidates considered per entry, so a busy day cannot make the sweep quadratic. */
export const MAX_CANDIDATES_PER_ENTRY = 40;

/** 0..1 for a gap: by the clock when both entries have times, else by the calendar day. */
export function timeScore(minutes: number, timed: boolean, dayGap: number): number {
  if (timed) {
    const m = Math.abs(minutes);
    return m <= 90 ? 1 : m <= 180 ? 0.7 : m <= 720 ? 0.4 : m <= 1440 ? 0.2 : dayGap <= 3 ? 0.05 : 0;
  }
  const d = Math.abs(dayGap);
  return d === 0 ? 0.5 : d === 1 ? 0.3 : d <= 3 ? 0.1 : 0;
}
