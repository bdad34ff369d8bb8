// A long job in the engine's worker (an import, an export): its progress polled a few times a
// second while the component is shown, and a stop that asks the engine to cancel it.
import { useEffect, useRef, useState } from 'react';

const POLL_MS = 300;

export interface PolledJob<P> {
  progress: P;
  stopping: boolean;
  stop: () => Promise<void>;
}

/** `jobId` names the job; `poll` and `cancel` ask the engine about it (the latest ones given are used). */
export function usePolledJob<P extends { state: string }>(jobId: string, poll: (id: string) => Promise<P>, cancel: (id: string) => Promise<unknown>, initial: P): PolledJob<P> {
  const [progress, setProgress] = useState<P>(initial);
  const [stopping, setStopping] = useState(false);
  const ask = useRef({ poll, cancel });
  useEffect(() => {
    ask.current = { poll, cancel };
  });
  useEffect(() => {
    let live = true;
    const timer = setInterval(() => {
      ask.current.poll(jobId).then(
        (p) => live && p.state !== 'unknown' && setProgress(p),
        () => {}, // the next poll tries again; the job's own promise reports a failure
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [jobId]);
  const stop = async (): Promise<void> => {
    setStopping(true);
    await ask.current.cancel(jobId).catch(() => {});
  };
  return { progress, stopping, stop };
}
