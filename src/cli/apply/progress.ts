/** apply's progress line, on stderr when it is a terminal: the phase, what is done of each kind, the ETA. */
import type { Pacer } from "../../index.js";
import type { Terminal } from "../io.js";
import type { ActionLine } from "./execute.js";
import type { ApplyTally } from "./report.js";

const REDRAW_MS = 100;

function clock(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export function applyProgress(terminal: Terminal, pacer: Pacer) {
  const started = performance.now();
  let drawn = 0;
  let text = () => "";
  const draw = (force = false) => {
    if (!terminal.stderr.isTTY || (!force && performance.now() - drawn < REDRAW_MS)) return;
    drawn = performance.now();
    terminal.status(text());
  };
  return {
    reading(read: number, of: number) {
      text = () => `reading: ${read}/${of} member lists · ${clock(performance.now() - started)}`;
      draw(read === of);
    },
    /** `left`: requests still to send per label, kept by the caller. */
    running(
      tally: ApplyTally,
      planned: { create: number; update: number; add: number; remove: number },
      left: Record<string, number>,
    ) {
      text = () => {
        const { done, failed, notSent } = tally;
        const failures = Object.values(failed).reduce((a, b) => a + b, 0);
        const unsent = Object.values(notSent).reduce((a, b) => a + b, 0);
        const rates = Object.keys(left).map((label) => `${label} ${pacer.budget(label).rate.toFixed(1)}/s`);
        const eta = Math.max(0, ...Object.entries(left).map(([label, n]) => (n * 1000) / pacer.budget(label).rate));
        return [
          `create ${done.create + done.exists}/${planned.create}`,
          `update ${done.update}/${planned.update}`,
          `members +${done.add}/${planned.add} -${done.remove}/${planned.remove}`,
          ...(failures ? [`${failures} failed`] : []),
          ...(unsent ? [`${unsent} not sent`] : []),
          ...rates,
          clock(performance.now() - started),
          ...(eta > 0 ? [`ETA ${clock(eta)}`] : []),
        ].join(" · ");
      };
      return {
        update: (_line: ActionLine) => draw(),
        end: () => {
          if (!terminal.stderr.isTTY) return;
          draw(true);
          terminal.endStatus();
        },
      };
    },
    endReading() {
      if (terminal.stderr.isTTY) terminal.endStatus();
    },
  };
}
