// Keyboard use of the timeline: arrows or J/K move between entries, + and - zoom, Enter opens.
import { useCallback, type KeyboardEvent } from 'react';

export interface TimelineKeyActions {
  next(): void;
  previous(): void;
  zoomIn(): void;
  zoomOut(): void;
  open(): void;
}

export function useTimelineKeys(actions: TimelineKeyActions): (e: KeyboardEvent) => void {
  const { next, previous, zoomIn, zoomOut, open } = actions;
  return useCallback(
    (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const act: Record<string, (() => void) | undefined> = {
        ArrowRight: next,
        ArrowDown: next,
        j: next,
        ArrowLeft: previous,
        ArrowUp: previous,
        k: previous,
        '+': zoomIn,
        '=': zoomIn,
        '-': zoomOut,
        _: zoomOut,
        Enter: open,
      };
      const fn = act[e.key];
      if (!fn) return;
      e.preventDefault();
      fn();
    },
    [next, previous, zoomIn, zoomOut, open],
  );
}
