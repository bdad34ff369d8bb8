// While an extract imports (in the engine's worker thread): rows read and the share of the file
// read, polled a few times a second, with a button to stop the import, which then rolls back.
import { useEffect, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { ImportProgress } from '../../../shared/import';
import { count } from '../../../shared/words';

const POLL_MS = 300;

export function ImportProgressBar(props: { api: JigsawApi; stagedId: string }) {
  const { api, stagedId } = props;
  const [progress, setProgress] = useState<ImportProgress>({ state: 'running', rows: 0, percent: 0 });
  const [stopping, setStopping] = useState(false);

  useEffect(() => {
    let live = true;
    const timer = setInterval(() => {
      api.getImportProgress(stagedId).then(
        (p) => live && p.state !== 'unknown' && setProgress(p),
        () => {},
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, stagedId]);

  async function stop() {
    setStopping(true);
    await api.cancelImport(stagedId).catch(() => {});
  }

  return (
    <div className="import-progress" data-testid="import-progress">
      <progress max={100} value={progress.percent} aria-label="Import progress" />
      <span role="status">
        {stopping ? 'Stopping: nothing will be imported…' : `${count(progress.rows, 'row')} read (${progress.percent}% of the file)`}
      </span>
      <button type="button" onClick={() => void stop()} disabled={stopping}>
        Stop import
      </button>
    </div>
  );
}
