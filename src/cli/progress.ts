/** A progress bar for long work, drawn on stderr when it is a terminal, otherwise a line every 10 %. */
export function progressBar(label: string): (done: number, total: number) => void {
  let lastPct = -1;
  return (done, total) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    if (pct === lastPct) return;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      process.stderr.write(
        `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${pct}% (${done}/${total})${pct === 100 ? "\n" : ""}`,
      );
    } else if (pct === 100 || Math.floor(pct / 10) !== Math.floor(lastPct / 10)) {
      process.stderr.write(`${label}: ${pct}% (${done}/${total})\n`);
    }
    lastPct = pct;
  };
}
