/**
 * `npm run bench`: every benchmark in one run, printed as Markdown tables and written with the machine to
 * bench/results.json (and the pacing picture to docs/pacing.svg); exit 1 when the overhead guard or a pacing
 * target is missed, or the bulk or apply figures show a problem. `--smoke`
 * (part of npm test, so the scripts cannot rot) runs each for a few iterations, judges only the bulk
 * problems and writes nothing.
 */
import { writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { applyProblems, applyTables, measureApply } from "./apply.ts";
import { bulkProblems, bulkTables, measureBulk } from "./bulk.ts";
import { measureOverhead } from "./overhead.ts";
import { measurePacing, pacingProblems, pacingSvg, pacingTables } from "./pacing.ts";
import { measureSize } from "./size.ts";

const smoke = process.argv.includes("--smoke");
const machine = { cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length, node: process.version, date: new Date() };
const overhead = await measureOverhead(smoke ? 50 : 2_000, smoke ? 2 : 15);
const bulk = await measureBulk(smoke);
const pacing = await measurePacing(smoke);
const size = await measureSize(smoke ? 2 : 20);
const apply = await measureApply(smoke);

/** An object's figures as a two-column Markdown table. */
const table = (figures: object) => [
  "| measure | value |",
  "|---|---:|",
  ...Object.entries(figures).map(([key, value]) => `| ${key} | ${JSON.stringify(value)} |`),
];
console.log(
  [
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}${smoke ? " (smoke run: figures mean nothing)" : ""}`,
    "",
    `**Overhead**: createImGroup (multipart) ${overhead.ratio}× hand-written fetch + FormData (target ≤ ${overhead.target})`,
    "",
    ...table(overhead),
    "",
    ...bulkTables(bulk),
    "",
    ...pacingTables(pacing),
    "",
    ...applyTables(apply),
    "",
    "**Size and start-up**",
    "",
    ...table(size),
  ].join("\n"),
);

const problems = [
  ...bulkProblems(bulk),
  ...applyProblems(apply),
  ...(smoke ? [] : pacingProblems(pacing)),
  ...(!smoke && overhead.ratio > overhead.target ? ["overhead: target missed"] : []),
];
if (!smoke) {
  await writeFile(
    new URL("./results.json", import.meta.url),
    `${JSON.stringify({ machine, overhead, bulk, pacing, size, apply }, null, 2)}\n`,
  );
  await writeFile(new URL("../docs/pacing.svg", import.meta.url), pacingSvg(pacing));
}
console.log(
  smoke
    ? `\nbench:smoke: every benchmark ran (a few iterations: its figures mean nothing); ${problems.length ? problems.join("; ") : "no problem"}`
    : `\nbench: overhead ${overhead.ratio}× (target ≤ ${overhead.target}); ${problems.length ? problems.join("; ") : "no problem"}; wrote bench/results.json and docs/pacing.svg`,
);
process.exitCode = problems.length > 0 ? 1 : 0;
