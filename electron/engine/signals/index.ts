// Missed signals: the engine's one door to classification, clusters and the panel's decisions.
export { addClusterNote, decideCluster, getCluster, listClusters } from './clusters.js';
export { readLexicon, updateLexicon } from './lexicon.js';
export { refreshSignals } from './refresh.js';

import type { CaseFile } from '../case-file.js';
import { refreshSignals as refresh } from './refresh.js';

/** After an import or on opening: bring signals up to date without ever failing the caller. */
export function refreshSignalsQuietly(c: CaseFile): void {
  try {
    refresh(c);
  } catch (err) {
    console.error('[jigsaw] missed-signal detection failed:', err);
  }
}
