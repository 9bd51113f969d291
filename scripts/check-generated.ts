/**
 * `npm run check:generated`: regenerates into a temporary folder and fails with a diff when
 * src/generated/ differs, so a spec change cannot land without its regenerated code.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "./generate.ts";
import { generatedDir } from "./lib/spec.ts";

const scratch = await mkdtemp(join(tmpdir(), "zoom-im-groups-generated-"));
try {
  await generate({ outDir: scratch });
  const fresh = (await readdir(scratch)).sort();
  const committed = (await readdir(generatedDir)).sort();
  const problems: string[] = [];
  for (const name of new Set([...fresh, ...committed])) {
    if (!fresh.includes(name)) problems.push(`src/generated/${name} is not generated any more: delete it`);
    else if (!committed.includes(name)) problems.push(`src/generated/${name} is missing`);
    else if ((await readFile(join(scratch, name), "utf8")) !== (await readFile(join(generatedDir, name), "utf8"))) {
      const diff = spawnSync("diff", ["-u", join(generatedDir, name), join(scratch, name)], { encoding: "utf8" });
      problems.push(`src/generated/${name} is stale:\n${diff.stdout || "(diff unavailable)"}`);
    }
  }
  if (problems.length > 0) {
    console.error(
      `${problems.join("\n\n")}\n\nsrc/generated/ does not match the spec. Run \`npm run generate\` and commit.`,
    );
    process.exitCode = 1;
  } else {
    console.log(`src/generated/ is up to date (${fresh.length} files)`);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
