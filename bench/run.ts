/**
 * `npm run bench`: every benchmark in one run, printed as Markdown tables and written with the machine to
 * bench/results.json; exit 1 when the overhead guard is missed or a bulk row fails. `--smoke` (part of npm
 * test, so the scripts cannot rot) runs each for a few iterations, judges nothing and writes nothing.
 */
import { writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { runBulk } from "./bulk.ts";
import { measureDailyLimit, measureFaults } from "./faults.ts";
import { measureOverhead } from "./overhead.ts";
import { measureSize } from "./size.ts";

const smoke = process.argv.includes("--smoke");
const machine = { cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length, node: process.version, date: new Date() };
const rows = smoke ? 40 : 1_000;
const bulk = [
  await runBulk("rate-limited mock (200/s), --rate 200, default concurrency", rows, { rate: 200, serverLimit: 200 }),
];
for (const concurrency of [1, 4, 16])
  bulk.push(await runBulk(`unlimited mock, --concurrency ${concurrency}`, rows, { concurrency, rate: 100_000 }));
const results = {
  overhead: await measureOverhead(smoke ? 50 : 2_000, smoke ? 2 : 15),
  bulk,
  faults: await measureFaults(rows),
  dailyLimit: await measureDailyLimit(rows, smoke ? 10 : 100),
  size: await measureSize(smoke ? 2 : 20),
};

/** Any result as a Markdown table: a list of objects by column, an object as measure | value. */
function table(value: unknown): string[] {
  const show = (cell: unknown) => (typeof cell === "object" && cell !== null ? JSON.stringify(cell) : String(cell));
  if (Array.isArray(value)) {
    const columns = Object.keys(value[0] ?? {});
    return [
      `| ${columns.join(" | ")} |`,
      `|${columns.map(() => "---|").join("")}`,
      ...value.map((row) => `| ${columns.map((c) => show(row[c])).join(" | ")} |`),
    ];
  }
  return [
    "| measure | value |",
    "|---|---:|",
    ...Object.entries(value as object).map(([key, cell]) => `| ${key} | ${show(cell)} |`),
  ];
}
console.log(
  `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}${smoke ? " (smoke run: figures mean nothing)" : ""}`,
);
for (const [name, value] of Object.entries(results)) console.log(["", `**${name}**`, "", ...table(value)].join("\n"));

const { overhead, faults } = results;
console.log(
  `\noverhead: createImGroup (multipart) ${overhead.ratio}× hand-written fetch + FormData (target ≤ ${overhead.target})`,
);
const failedRows = bulk.reduce((sum, run) => sum + run.failed, 0) + faults.failed + faults.disagreements;
if (failedRows > 0) console.error(`bench: ${failedRows} bulk rows failed or disagree with the mock`);
if (failedRows > 0 || (!smoke && overhead.ratio > overhead.target)) process.exitCode = 1;
if (!smoke)
  await writeFile(new URL("./results.json", import.meta.url), `${JSON.stringify({ machine, ...results }, null, 2)}\n`);
