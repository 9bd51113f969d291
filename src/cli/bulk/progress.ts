/** A bulk run's progress line, on stderr when it is a terminal. */
import type { Terminal } from "../io.js";
import type { Tally } from "./report.js";

const REDRAW_MS = 100;

function progressLine(
  tally: Tally,
  total: number,
  elapsedMs: number,
  width: number,
  sendingFrom = 0,
  pacedAt?: number,
): string {
  const { created, failed, notSent } = tally.counts;
  const done = tally.decided;
  const perSecond = elapsedMs > 0 ? ((done - sendingFrom) * 1000) / elapsedMs : 0;
  const left = total - done - notSent;
  const parts = [
    `${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`,
    `${created.toLocaleString("en-US")} created`,
    ...(failed ? [`${failed.toLocaleString("en-US")} failed`] : []),
    ...(notSent ? [`${notSent.toLocaleString("en-US")} not sent`] : []),
    `${perSecond.toFixed(1)}/s`,
    // The pacer's rate, once 429s lowered it below --rate: what the account leaves this run.
    ...(pacedAt === undefined ? [] : [`paced ${pacedAt.toFixed(1)}/s`]),
    clock(elapsedMs),
    ...(left > 0 && perSecond > 0 ? [`ETA ${clock((left / perSecond) * 1000)}`] : []),
  ];
  let line = parts.join(" · ");
  const barWidth = Math.min(30, width - line.length - 4);
  if (barWidth >= 10) {
    const filled = Math.round(((done + notSent) / Math.max(total, 1)) * barWidth);
    line = `[${"#".repeat(filled)}${".".repeat(barWidth - filled)}] ${line}`;
  }
  return line;
}

/** `m:ss`, or `h:mm:ss` past an hour. */
function clock(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  const mmss = `${h ? String(m).padStart(2, "0") : m}:${String(s).padStart(2, "0")}`;
  return h ? `${h}:${mmss}` : mmss;
}

export function progress(
  terminal: Terminal,
  tally: Tally,
  total: number,
  pacedAt: () => number | undefined = () => undefined,
) {
  const started = performance.now();
  const before = tally.decided; // invalid and resumed rows, decided before sending
  let drawn = 0;
  const draw = () => {
    drawn = performance.now();
    terminal.status(progressLine(tally, total, drawn - started, terminal.width ?? 80, before, pacedAt()));
  };
  return {
    update() {
      if (terminal.stderr.isTTY && performance.now() - drawn >= REDRAW_MS) draw();
    },
    end() {
      if (!terminal.stderr.isTTY) return;
      draw();
      terminal.endStatus();
    },
  };
}
