// Silent periods as timeline bands: the subject's (no agency in contact) shaded behind every lane,
// and each agency's own silences shaded, more lightly, in that agency's lane.
// Shown once the review's settings are saved, so a case being put together is not shaded by guesswork.
import { useEffect, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { TimelineBand } from '../../../shared/timeline';
import { count } from '../../../shared/words';

export function useSilentBands(api: JigsawApi, revision: number): TimelineBand[] {
  const [bands, setBands] = useState<TimelineBand[]>([]);
  useEffect(() => {
    let live = true;
    // Drawn once the chair has saved the review's settings (its period and gap); listed always.
    api
      .getReviewSettings()
      .then((v) => (v.saved ? api.silentPeriods() : null))
      .then(
        (s) =>
          live &&
          setBands([
            ...(s?.subject ?? []).map((p) => ({ id: `silent:${p.from}`, start: p.from, end: p.to, className: 'silent-period', label: `No contact: ${count(p.days, 'day')}` })),
            ...(s?.agencies ?? []).flatMap((a) =>
              a.spans.map((p) => ({ id: `silent:${a.agencyId}:${p.from}`, start: p.from, end: p.to, className: 'silent-period agency-silence', label: `No ${a.agency} contact: ${count(p.days, 'day')}`, group: a.agencyId })),
            ),
          ]),
        () => live && setBands([]), // the timeline works without them
      );
    return () => {
      live = false;
    };
  }, [api, revision]);
  return bands;
}
