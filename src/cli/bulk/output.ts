/**
 * The run's ledger (stdout, or `--output FILE`). A line is written through before its worker takes another
 * row, so a stalled reader pauses sending. After the first failed write, every outcome of a row that was
 * sent goes to stderr instead, so no created group goes unrecorded.
 */
import { closeSync, existsSync, linkSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { UsageError } from "../errors.js";
import { type Io, isClosedPipe, type Terminal } from "../io.js";

/** Why the ledger ended: its reader went away (`| head`), or a write failed (ENOSPC, EIO, EFBIG…). */
export interface LedgerEnd {
  closed: boolean;
  error?: NodeJS.ErrnoException;
}

/** Where a run's record ends when its output failed: the summary's `outputError`. */
export interface OutputError {
  output: string;
  code?: string;
  message: string;
  onStderr: number;
  unwritten: number;
}

export class Ledger {
  #end: LedgerEnd | undefined;
  readonly #listeners: ((end: LedgerEnd) => void)[] = [];
  /** Lines not written that went nowhere (not-sent, invalid, resumed rows: no group behind them). */
  unwritten = 0;
  onStderr = 0;

  /** What the summary says of a failed output: which, why, and how many lines went to stderr or nowhere. */
  failure(error: unknown): OutputError {
    const failure = error as NodeJS.ErrnoException | undefined;
    return {
      output: this.name,
      ...(failure?.code ? { code: failure.code } : {}),
      message: failure?.message ?? "write failed",
      onStderr: this.onStderr,
      unwritten: this.unwritten,
    };
  }

  constructor(
    /** `stdout` or `--output run.jsonl`. */
    readonly name: string,
    private readonly terminal: Terminal,
    private readonly write: (text: string) => Promise<NodeJS.ErrnoException | undefined>,
    /** Only once every line has been written or given up on. */
    readonly close: () => void = () => undefined,
    /** Makes the output appear, once the lines carried over are in it. */
    readonly publish: () => void = () => undefined,
  ) {}

  onEnd(listener: (end: LedgerEnd) => void): void {
    if (this.#end) listener(this.#end);
    else this.#listeners.push(listener);
  }

  fail(error: NodeJS.ErrnoException | undefined): void {
    if (this.#end) return;
    this.#end = error ? { closed: false, error } : { closed: true };
    for (const listener of this.#listeners.splice(0)) listener(this.#end);
  }

  /** `sent`: the row may have reached Zoom, so an unwritten line goes to stderr. */
  async line(json: string, sent: boolean): Promise<void> {
    if (!this.#end) {
      const error = await this.write(`${json}\n`);
      if (!error) return;
      this.fail(isClosedPipe(error) ? undefined : error);
    }
    if (sent) {
      this.onStderr++;
      this.terminal.err(json);
    } else this.unwritten++;
  }

  /** Rows never sent, 10,000 lines a write: few writes, none of them huge. */
  async lines(jsons: readonly string[]): Promise<void> {
    for (let i = 0; i < jsons.length; i += 10_000) {
      const chunk = jsons.slice(i, i + 10_000);
      const error = this.#end ? true : await this.write(`${chunk.join("\n")}\n`);
      if (!error) continue;
      if (error !== true) this.fail(isClosedPipe(error) ? undefined : error);
      this.unwritten += chunk.length;
    }
  }
}

export function stdoutLedger(terminal: Terminal): Ledger {
  const ledger = new Ledger("stdout", terminal, (text) => terminal.out(text.replace(/\n$/, "")));
  // The stream can end outside a write of ours (an EPIPE event).
  terminal.stdout.onClose((error) => ledger.fail(error));
  return ledger;
}

/**
 * Open until every create in flight has settled: a descriptor closed early would be reused by a socket. The
 * file is written under a temporary name until `publish`, so that once it appears it holds every line carried
 * over from earlier runs: a crash can lose at most a line being written, never what those runs proved.
 */
export function fileLedger(
  path: string,
  shown: string,
  terminal: Terminal,
  writeBytes: NonNullable<Io["writeBytes"]> = writeSync,
): Ledger {
  const partial = `${path}.partial-${process.pid}`;
  let fd: number;
  try {
    fd = openSync(partial, "wx");
  } catch (error) {
    throw new UsageError(`cannot create --output ${shown}: ${(error as Error).message.replace(partial, shown)}`);
  }
  const write = async (text: string): Promise<NodeJS.ErrnoException | undefined> => {
    const bytes = Buffer.from(text);
    try {
      for (let offset = 0; offset < bytes.length; ) {
        const written = writeBytes(fd, bytes.subarray(offset));
        if (!(written > 0)) throw Object.assign(new Error("write made no progress"), { code: "EIO" });
        offset += written;
      }
      return undefined;
    } catch (error) {
      return error as NodeJS.ErrnoException;
    }
  };
  const publish = () => {
    try {
      // A link fails if the path was taken meanwhile (as `wx` would); a file system without links renames.
      try {
        linkSync(partial, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST" || existsSync(path)) throw error;
        renameSync(partial, path);
      }
    } catch (error) {
      throw new UsageError(`cannot create --output ${shown}: ${(error as Error).message.replaceAll(path, shown)}`);
    } finally {
      rmSync(partial, { force: true });
    }
  };
  const close = () => {
    closeSync(fd);
    rmSync(partial, { force: true }); // a run that ended before publishing leaves no stray file
  };
  return new Ledger(`--output ${shown}`, terminal, write, close, publish);
}
