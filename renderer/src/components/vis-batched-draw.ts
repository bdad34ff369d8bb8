// vis-timeline 8.5 draws an item the moment it is added to, or changed in, its DataSet when the item
// falls in the window, measuring its box straight away: one forced browser layout per item, about
// 0.3 ms each, which made most of a redraw's time. Its group redraw, which every DataSet change
// queues for the next animation frame, already draws all undrawn items in view in batched phases
// (build every box, then measure them all in one layout). So here an added item is only registered,
// and a changed one is taken off screen, and that queued redraw draws them, before the frame is
// painted. Applied once; if a future vis-timeline lacks these methods nothing is changed and it
// draws as before, only slower.
import * as vis from 'vis-timeline/standalone';

interface VisItem {
  displayed: boolean;
  hide(): void;
  setData(data: unknown): void;
}
interface VisGroup {
  add(item: VisItem): void;
  _checkIfVisible?: unknown;
}
type Proto<T> = { prototype: T };
interface VisInternals {
  timeline?: { components?: { Group?: Proto<VisGroup>; items?: { Item?: Proto<VisItem> } } };
}

let patched = false;

export function batchItemDrawing(): void {
  if (patched) return;
  patched = true;
  const parts = (vis as unknown as VisInternals).timeline?.components;
  const group = parts?.Group?.prototype;
  const item = parts?.items?.Item?.prototype;
  if (!group || !item || typeof group.add !== 'function' || typeof group._checkIfVisible !== 'function' || typeof item.setData !== 'function') return;

  const add = group.add;
  group.add = function (this: VisGroup, it: VisItem) {
    // Without its immediate visibility check the item waits for the group's batched redraw, which
    // finds it among the group's ordered items (the add marks the group for restacking).
    this._checkIfVisible = () => undefined;
    try {
      add.call(this, it);
    } finally {
      delete this._checkIfVisible;
    }
  };

  const setData = item.setData;
  item.setData = function (this: VisItem, data: unknown) {
    // Off screen first, so setData does not redraw it alone; the batched redraw puts it back.
    if (this.displayed) this.hide();
    setData.call(this, data);
  };
}
