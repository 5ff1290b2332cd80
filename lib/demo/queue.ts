/** A min-heap of items by time, ties broken by insertion order so a parent precedes its reply. */
export class TimeQueue<T> {
  private times: number[] = [];
  private order: number[] = [];
  private items: T[] = [];
  private counter = 0;

  get size(): number {
    return this.items.length;
  }

  peekTime(): number {
    return this.items.length ? this.times[0] : Infinity;
  }

  push(t: number, item: T): void {
    const { times, order, items } = this;
    let i = items.length;
    const o = this.counter++;
    times.push(t);
    order.push(o);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent] < t || (times[parent] === t && order[parent] < o)) break;
      times[i] = times[parent];
      order[i] = order[parent];
      items[i] = items[parent];
      i = parent;
    }
    times[i] = t;
    order[i] = o;
    items[i] = item;
  }

  pop(): T | undefined {
    const { times, order, items } = this;
    const n = items.length;
    if (n === 0) return undefined;
    const top = items[0];
    const t = times.pop()!;
    const o = order.pop()!;
    const item = items.pop()!;
    if (n === 1) return top;
    let i = 0;
    const size = n - 1;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      let c = l;
      if (r < size && (times[r] < times[l] || (times[r] === times[l] && order[r] < order[l]))) c = r;
      if (t < times[c] || (t === times[c] && o < order[c])) break;
      times[i] = times[c];
      order[i] = order[c];
      items[i] = items[c];
      i = c;
    }
    times[i] = t;
    order[i] = o;
    items[i] = item;
    return top;
  }
}
