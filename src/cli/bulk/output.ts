/** Where a bulk run's JSON lines go: stdout, or `--output FILE`. */
import { closeSync, openSync, writeSync } from "node:fs";
import { UsageError } from "../errors.js";
import type { Terminal } from "../io.js";

export interface Sink {
  /** One JSON line; `created` lines that cannot reach stdout go to stderr, so none is lost. */
  line(json: string, created: boolean): void;
  lines(jsons: readonly string[]): void;
  close(): void;
}

export function stdoutSink(terminal: Terminal): Sink {
  return {
    line: (json, created) => terminal.out(json, created ? () => terminal.err(json) : undefined),
    lines: (jsons) => inChunks(jsons, (chunk) => terminal.out(chunk)),
    close: () => undefined,
  };
}

/** `--output FILE`: a new file, each line written through to the system as soon as it is decided. */
export function fileSink(path: string, shown: string, terminal: Terminal): Sink {
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch (error) {
    throw new UsageError(`cannot create --output ${shown}: ${(error as Error).message.replace(path, shown)}`);
  }
  const write = (text: string) => writeSync(fd, terminal.redact(text));
  return {
    line: (json) => write(`${json}\n`),
    lines: (jsons) => inChunks(jsons, (chunk) => write(`${chunk}\n`)),
    close: () => closeSync(fd),
  };
}

/** Many lines (the rows never started) written 10,000 at a time: few writes, none of them huge. */
function inChunks(jsons: readonly string[], write: (chunk: string) => void): void {
  for (let i = 0; i < jsons.length; i += 10_000) write(jsons.slice(i, i + 10_000).join("\n"));
}
