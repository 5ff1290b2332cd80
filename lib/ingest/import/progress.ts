/** A one-line progress bar on a stream (stderr): redrawn in place on a terminal, every 10% otherwise. */
export function createProgressBar({ stream = process.stderr, width = 30 }: { stream?: NodeJS.WriteStream; width?: number } = {}) {
  let lastLabel = "";
  let lastDraw = 0;
  let lastTenth = -1;
  const draw = ({ label, done, total }: { label: string; done: number; total: number }) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const now = Date.now();
    if (stream.isTTY) {
      if (label === lastLabel && share < 1 && now - lastDraw < 100) return;
      const filled = Math.round(share * width);
      stream.write(`\r${label.padEnd(8)} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done}/${total}`);
      if (share >= 1) stream.write("\n");
    } else {
      const tenth = Math.floor(share * 10);
      if (label === lastLabel && tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(`${label} ${tenth * 10}% (${done}/${total})\n`);
    }
    lastLabel = label;
    lastDraw = now;
  };
  return { update: draw };
}
