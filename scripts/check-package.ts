/**
 * `npm run check:package`: the package as consumers get it. Packs it, runs publint and
 * @arethetypeswrong/cli on the tarball, then installs it into a fresh project outside the repo, typechecks
 * a consumer file against the public API (with a @ts-expect-error on a wrong `type`) and runs one create
 * against `startMockZoom()` from `zoom-im-groups/testing`.
 */
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startPrism } from "./lib/prism.ts";
import { repoRoot } from "./lib/spec.ts";

const bin = (name: string) => resolve(repoRoot, "node_modules/.bin", name);
const run = (command: string, args: string[], cwd: string) => {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed:\n${failed.stdout ?? ""}${failed.stderr ?? ""}`);
  }
};

// `npm test` builds first; packing without scripts keeps `prepare` from rebuilding dist/ while other
// stages read it.
const work = await mkdtemp(join(tmpdir(), "zoom-im-groups-consumer-"));
try {
  const packed = JSON.parse(
    run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], repoRoot),
  ) as {
    filename: string;
    files: unknown[];
  }[];
  const tarball = join(work, packed[0]?.filename ?? "");
  console.log(`packed ${packed[0]?.filename} (${packed[0]?.files.length} files)`);

  console.log(run(bin("publint"), ["run", tarball, "--strict"], repoRoot).trim());
  // esm-only is this package's deliberate shape ("type": "module"); every other problem fails.
  console.log(
    run(bin("attw"), [tarball, "--profile", "esm-only", "--format", "ascii"], repoRoot)
      .trim()
      .split("\n")
      .slice(-3)
      .join("\n"),
  );

  const project = join(work, "consumer");
  await mkdir(project);
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], project);
  for (const file of ["consumer.ts", "upstream-contract.ts"])
    await copyFile(resolve(repoRoot, "scripts/consumer", file), join(project, file));
  await writeFile(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        noEmit: true,
        skipLibCheck: false,
        types: ["node"],
        typeRoots: [resolve(repoRoot, "node_modules/@types")],
        lib: ["ES2023", "DOM"],
      },
      files: ["consumer.ts", "upstream-contract.ts"],
    }),
  );
  run(bin("tsc"), ["-p", "tsconfig.json"], project);
  console.log("consumer typechecks against the installed package");
  const output = run(bin("tsx"), ["consumer.ts"], project).trim();
  const result = JSON.parse(output.split("\n").at(-1) ?? "{}") as { id?: string; conflict?: number };
  if (!result.id || result.conflict !== 4132) throw new Error(`consumer run: unexpected output ${output}`);
  console.log(`consumer created ${result.id} and got the documented 409 (code ${result.conflict})`);

  // Zoom's own description, served by Prism: the packed client maps each documented answer.
  const prism = await startPrism(["mock", "test/fixtures/upstream/zoom-marketplace.swagger.json"]);
  try {
    let lines: string[];
    try {
      lines = execFileSync(bin("tsx"), ["upstream-contract.ts"], {
        cwd: project,
        encoding: "utf8",
        env: { ...process.env, PRISM_URL: prism.url },
      })
        .trim()
        .split("\n");
    } catch (error) {
      throw new Error(`upstream contract against Prism failed:\n${(error as { stdout?: string }).stdout ?? error}`);
    }
    for (const line of lines) {
      const result = JSON.parse(line) as { case: string; ok: boolean };
      console.log(`${result.ok ? "ok  " : "FAIL"} Prism on the Swagger 2.0 fixture: ${result.case}`);
    }
    console.log(`upstream contract: ${lines.length} passed, 0 failed`);
  } finally {
    prism.stop();
  }
  console.log("check:package: passed");
} finally {
  await rm(work, { recursive: true, force: true });
}
