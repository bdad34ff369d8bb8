// While an extract imports (in the engine's worker thread): rows read and the share of the file
// read, polled a few times a second, with a button to stop the import, which then rolls back.
import type { JigsawApi } from '../../../shared/api';
import type { ImportProgress } from '../../../shared/import';
import { count } from '../../../shared/words';
import { usePolledJob } from '../hooks/usePolledJob';

export function ImportProgressBar(props: { api: JigsawApi; stagedId: string }) {
  const { api, stagedId } = props;
  const { progress, stopping, stop } = usePolledJob<ImportProgress>(
    stagedId,
    (id) => api.getImportProgress(id),
    (id) => api.cancelImport(id),
    { state: 'running', rows: 0, percent: 0 },
  );

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
