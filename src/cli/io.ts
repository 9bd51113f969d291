/**
 * What a command is given, as gh's IOStreams: only main.ts binds it to the process, so every command also
 * runs in process (tests). A reader that goes away (`| head -1`) closes a stream quietly, no stack trace.
 */
import { fstatSync, readdirSync, type Stats, statSync } from "node:fs";
import { resolve } from "node:path";

export interface OutputStream {
  write(chunk: string, callback?: (error?: Error | null) => void): boolean;
  on(event: "error", listener: (error: NodeJS.ErrnoException) => void): unknown;
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
  readonly fd?: number | undefined;
  readonly destroyed?: boolean | undefined;
}

export interface Io {
  stdin: AsyncIterable<Uint8Array | string> & { readonly fd?: number | undefined };
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** How to run this CLI again from a shell, as printed in hints: `npx zoom-im-groups`, `zoom-im-groups`… */
  invokedAs: string;
  /** Aborts on Ctrl-C (SIGINT) or SIGTERM. */
  signal: AbortSignal;
  /**
   * Aborts on a second Ctrl-C, just before the process exits: a listener says (synchronously) what may have
   * been done with no line, and how to go on.
   */
  quit?: AbortSignal;
  /** Writes to `--output` (default `fs.writeSync`): a seam for tests, a disk that fills after N lines. */
  writeBytes?: (fd: number, bytes: Uint8Array) => number;
}

/** The file a stream is redirected to (`> run.jsonl`), if it is a regular file. */
export function fileStats(stream: { readonly fd?: number | undefined }): Stats | undefined {
  if (typeof stream.fd !== "number") return undefined;
  try {
    const stats = fstatSync(stream.fd);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

export const sameFile = (a: Stats | undefined, b: Stats | undefined) =>
  !!a && !!b && a.dev === b.dev && a.ino === b.ino;

/** The name, in `folder`, of the file a stream is redirected to (found by device and inode: no /proc). */
export function nameInFolder(stream: { readonly fd?: number | undefined }, folder: string): string | undefined {
  const stats = fileStats(stream);
  if (!stats) return undefined;
  try {
    return readdirSync(folder)
      .slice(0, 10_000)
      .find((name) => sameFile(stats, statSync(resolve(folder, name), { throwIfNoEntry: false })));
  } catch {
    return undefined;
  }
}

/** Reader gone (`| head -1`): the stream is closed, not broken. */
export const isClosedPipe = (error: { code?: string | undefined }) =>
  error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED";

class Stream {
  #closed = false;
  /** The write error that ended the stream, if it was not a reader going away. */
  error: NodeJS.ErrnoException | undefined;
  readonly #pending = new Set<Promise<unknown>>();
  readonly #listeners: ((error?: NodeJS.ErrnoException) => void)[] = [];

  constructor(readonly stream: OutputStream) {
    // Any write error ends the stream quietly (no stack trace): EPIPE as a closed reader, anything else
    // (ENOSPC on `> /dev/full`, EIO) as a failure the listeners hear of.
    stream.on("error", (error) => this.#close(isClosedPipe(error) ? undefined : error));
  }

  get isTTY(): boolean {
    return this.stream.isTTY === true;
  }

  get closed(): boolean {
    return this.#closed || this.stream.destroyed === true;
  }

  onClose(listener: (error?: NodeJS.ErrnoException) => void): void {
    if (this.closed) listener(this.error);
    else this.#listeners.push(listener);
  }

  /** Resolves once the text is handed to the system (or lost: `onLost` hears of it): awaiting it is backpressure. */
  write(text: string, onLost?: () => void): Promise<NodeJS.ErrnoException | undefined> {
    if (this.closed) {
      onLost?.();
      return Promise.resolve(this.error ?? closedError());
    }
    const written = new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      const done = (error?: Error | null) => {
        if (!error) return resolve(undefined);
        const failure = error as NodeJS.ErrnoException;
        this.#close(isClosedPipe(failure) ? undefined : failure);
        onLost?.();
        resolve(failure);
      };
      try {
        this.stream.write(text, done);
      } catch (error) {
        done(error as Error);
      }
    });
    this.#pending.add(written);
    void written.then(() => this.#pending.delete(written));
    return written;
  }

  /** Resolves once every write so far has been handed to the system or lost. */
  async settled(): Promise<void> {
    await Promise.all([...this.#pending]);
  }

  #close(error: NodeJS.ErrnoException | undefined): void {
    if (this.#closed) return;
    this.#closed = true;
    this.error = error;
    for (const listener of this.#listeners.splice(0)) listener(error);
  }
}

const closedError = (): NodeJS.ErrnoException => Object.assign(new Error("write EPIPE"), { code: "EPIPE" });

/**
 * The two streams as commands write to them. Secrets are the library's to redact: every text of a server's
 * that reaches a line (a created group, an error) comes through the client, which was given the same secrets.
 */
export class Terminal {
  readonly stdout: Stream;
  readonly stderr: Stream;
  #status = "";

  constructor(readonly io: Io) {
    this.stdout = new Stream(io.stdout);
    this.stderr = new Stream(io.stderr);
  }

  out(line: string, onLost?: () => void): Promise<NodeJS.ErrnoException | undefined> {
    const sharesScreen = this.#status !== "" && this.stdout.isTTY;
    if (sharesScreen) this.stderr.write("\r\x1b[K");
    const written = this.stdout.write(`${line}\n`, onLost);
    if (sharesScreen) this.stderr.write(this.#status);
    return written;
  }

  err(line: string): void {
    if (this.#status !== "") this.stderr.write("\r\x1b[K");
    this.stderr.write(`${line}\n`);
    if (this.#status !== "") this.stderr.write(this.#status);
  }

  get width(): number | undefined {
    return this.stderr.isTTY ? this.io.stderr.columns : undefined;
  }

  /** Cut to the terminal's width so it never wraps. */
  status(text: string): void {
    if (!this.stderr.isTTY) return;
    const width = this.width ?? 80;
    this.#status = text.length >= width ? text.slice(0, Math.max(0, width - 1)) : text;
    this.stderr.write(`\r\x1b[K${this.#status}`);
  }

  endStatus(): void {
    if (this.#status === "") return;
    this.#status = "";
    this.stderr.write("\n");
  }
}
