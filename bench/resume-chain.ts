/**
 * A chain of resumed runs, each SIGKILLed within 50 ms of its `--output` appearing (issue 31): 3,000 rows
 * created into run0.jsonl, then 20 runs `--resume run(k-1).jsonl --output run(k).jsonl`, each killed, then one
 * run to the end. Prints the lines each link carried, whether the kill found it running, and the end state:
 * every row's id known and no create sent twice, or exit 1. A figure and a check, not a vitest test: it spawns
 * 22 processes. Run after `npm run build`: `npx tsx bench/resume-chain.ts [ROWS] [LINKS] [CLI]` (CLI: another
 * build's dist/cli/main.js, to show an older commit fail).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startMockZoom } from "../src/testing/index.ts";

const rows = Number(process.argv[2] ?? 3000);
const links = Number(process.argv[3] ?? 20);
const bin = resolve(process.argv[4] ?? "dist/cli/main.js");
const dir = mkdtempSync(join(tmpdir(), "resume-chain-"));
const input = join(dir, "in.csv");
writeFileSync(input, `name\n${Array.from({ length: rows }, (_, i) => `Chain ${i + 1}`).join("\n")}\n`);

const posts = new Map<string, number>();
const mock = await startMockZoom({
  rateLimit: 100_000,
  onRequest: (entry) => {
    if (entry.method === "POST" && entry.name) posts.set(entry.name, (posts.get(entry.name) ?? 0) + 1);
  },
});
const env = { PATH: process.env.PATH ?? "", ZOOM_API_URL: mock.url, ZOOM_ACCESS_TOKEN: "chain-token-0123" };
const base = ["create", "--file", input, "--rate", "1000", "--concurrency", "64"];

/** Runs the CLI; with `killWithinMs`, SIGKILLs it that long (at random below it) after `output` appears. */
function run(args: string[], output: string, killWithinMs?: number): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { env, cwd: dir, stdio: "ignore" });
    let poll: NodeJS.Timeout | undefined;
    if (killWithinMs !== undefined)
      poll = setInterval(() => {
        if (!existsSync(output)) return;
        clearInterval(poll);
        setTimeout(() => child.kill("SIGKILL"), Math.random() * killWithinMs);
      }, 0.5);
    child.on("exit", (code, signal) => {
      clearInterval(poll);
      done({ killed: signal === "SIGKILL", code });
    });
  });
}

const rowLines = (path: string) =>
  (existsSync(path) ? readFileSync(path, "utf8") : "").split("\n").flatMap((line) => {
    try {
      const record = JSON.parse(line) as Record<string, unknown>;
      return record.type === "row" ? [record] : [];
    } catch {
      return [];
    }
  });

const first = await run([...base, "--output", "run0.jsonl"], join(dir, "run0.jsonl"));
console.log(`run0: exit ${first.code}, ${rowLines(join(dir, "run0.jsonl")).length} lines`);
let killed = 0;
for (let k = 1; k <= links; k++) {
  const output = join(dir, `run${k}.jsonl`);
  const link = await run([...base, "--resume", `run${k - 1}.jsonl`, "--output", `run${k}.jsonl`], output, 50);
  if (link.killed) killed++;
  const lines = rowLines(output);
  const withId = lines.filter((line) => typeof line.id === "string").length;
  console.log(
    `run${k}: ${link.killed ? "SIGKILLed" : `exited ${link.code} before the kill`}; ${lines.length} lines, ${withId} with an id`,
  );
}
const final = join(dir, "final.jsonl");
const last = await run([...base, "--resume", `run${links}.jsonl`, "--output", "final.jsonl"], final);
const lines = rowLines(final);
const ids = lines.filter((line) => typeof line.id === "string").length;
const sentTwice = [...posts.values()].filter((times) => times > 1).length;
console.log(
  `final: exit ${last.code}; ${lines.length} rows, ${ids} with an id; ${posts.size} names sent, ${sentTwice} sent twice; ` +
    `${mock.mock.groups().length} groups at the mock; ${killed} of ${links} runs SIGKILLed while running`,
);
await mock.close();
rmSync(dir, { recursive: true, force: true });
const ok = last.code === 0 && ids === rows && sentTwice === 0 && posts.size === rows;
console.log(ok ? "resume-chain: every row's id known, nothing sent twice" : "resume-chain: FAILED");
process.exitCode = ok ? 0 : 1;
