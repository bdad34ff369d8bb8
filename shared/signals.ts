// Missed-signal types and the schemas of their API calls. No Node, no DOM.
import { z } from 'zod';

export const SIGNAL_KINDS = ['concern', 'response', 'routine'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** What the timeline shows about one entry: its strongest kind and every theme found. */
export interface EntrySignal {
  kind: SignalKind;
  themes: string[];
}

/** One lexicon rule: a phrase (or a regular expression) that marks an entry with a theme. */
export interface LexiconRule {
  id: number;
  /** A phrase matched as whole words, case-insensitively; or a regular expression when `regex` is true. */
  pattern: string;
  regex: boolean;
  /** Match letter case exactly (for abbreviations such as "DA" or "SU"). */
  caseSensitive: boolean;
  kind: SignalKind;
  theme: string;
  /** 1 low, 2 moderate, 3 high. */
  severity: number;
  enabled: boolean;
}

/** Rule id of a concern read by the trained concern model rather than by a lexicon rule. */
export const MODEL_RULE_ID = 0;

export interface SignalSettings {
  /** Concerns within this many days of the first one can form a cluster. */
  spanDays: number;
  /** A response this many days after the last concern still counts as a response to the cluster. */
  graceDays: number;
  /** Also read, with the trained concern model, the entries no rule reads (a concern the rules never listed). */
  readByModel: boolean;
}

export interface Lexicon {
  rules: LexiconRule[];
  settings: SignalSettings;
}

export type ClusterStatus = 'missed' | 'responded';
export type ClusterDecision = 'confirmed' | 'dismissed';

export interface ClusterSummary {
  id: number;
  from: string;
  to: string;
  personIds: number[];
  personNames: string[];
  agencies: string[];
  entryIds: number[];
  score: number;
  status: ClusterStatus;
  themes: string[];
  reasons: string[];
  /** False when a recomputation no longer finds it: kept because the panel decided or noted it. */
  detected: boolean;
  decision: ClusterDecision | null;
  decisionReason: string | null;
  noteCount: number;
}

export interface ClusterEvidence {
  entryId: number;
  date: string;
  agency: string;
  contactType: string | null;
  text: string;
  outcome: string | null;
  role: 'concern' | 'response';
  themes: string[];
  /** The rules that fired, with the words they matched. */
  rules: { ruleId: number; kind: SignalKind; theme: string; severity: number; matched: string }[];
}

export interface ClusterNote {
  id: number;
  at: string;
  author: string;
  text: string;
}

export interface ClusterDetail extends ClusterSummary {
  evidence: ClusterEvidence[];
  notes: ClusterNote[];
  decidedBy: string | null;
  decidedAt: string | null;
}

const ruleSchema = z.object({
  pattern: z.string().trim().min(1).max(500),
  regex: z.boolean().default(false),
  caseSensitive: z.boolean().default(false),
  kind: z.enum(SIGNAL_KINDS),
  theme: z.string().trim().min(1).max(60),
  severity: z.number().int().min(1).max(3),
  enabled: z.boolean().default(true),
});
export type LexiconRuleInput = z.input<typeof ruleSchema>;

export const signalApiArgs = {
  listClusters: z.tuple([]),
  getCluster: z.tuple([z.number().int().positive()]),
  decideCluster: z.tuple([
    z.object({
      id: z.number().int().positive(),
      decision: z.enum(['confirmed', 'dismissed']).nullable(),
      reason: z.string().trim().max(2000).optional(),
    }),
  ]),
  addClusterNote: z.tuple([z.object({ id: z.number().int().positive(), text: z.string().trim().min(1).max(5000) })]),
  getLexicon: z.tuple([]),
  updateLexicon: z.tuple([
    z.object({
      rules: z.array(ruleSchema).max(2000).optional(),
      settings: z
        .object({ spanDays: z.number().int().min(1).max(365), graceDays: z.number().int().min(0).max(365), readByModel: z.boolean().optional() })
        .optional(),
    }),
  ]),
} as const;

export type LexiconUpdate = z.input<(typeof signalApiArgs)['updateLexicon']>[0];

export interface SignalsApi {
  /** Every cluster, worst first (recomputed first when the case changed). */
  listClusters(): Promise<ClusterSummary[]>;
  getCluster(id: number): Promise<ClusterDetail>;
  /** Confirm as a missed opportunity, dismiss (a reason is required), or clear the decision. */
  decideCluster(req: { id: number; decision: ClusterDecision | null; reason?: string }): Promise<ClusterDetail>;
  addClusterNote(req: { id: number; text: string }): Promise<ClusterDetail>;
  getLexicon(): Promise<Lexicon>;
  updateLexicon(update: LexiconUpdate): Promise<Lexicon>;
}
