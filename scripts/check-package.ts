/**
 * `npm run check:package`: the package as consumers get it. Packs it; publint and @arethetypeswrong/cli
 * judge the tarball; a fresh project outside the repo installs it and typechecks scripts/consumer/consumer.ts
 * (with `skipLibCheck: false`), which then runs the packed client against Stoplight Prism twice over, both
 * started side by side: validating spec/ in front of the mock, and mocking the Swagger 2.0 upstream fixture.
 * scripts/consumer/family.ts then sends every operation of the spec through the validating Prism (the Swagger
 * fixture describes only the create, so the upstream Prism has nothing to say of the other seven).
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { repoRoot } from "./lib/spec.ts";

const bin = (name: string) => resolve(repoRoot, "node_modules/.bin", name);
const run = (command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv) => {
  try {
    return execFileSync(command, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed:\n${failed.stdout ?? ""}${failed.stderr ?? ""}`);
  }
};

const freePort = () =>
  new Promise<number>((done, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on("error", reject);
  });

const stop = (child: ChildProcess) => {
  try {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
};

/** Whether something accepts connections on the port (Prism listening, before or without its log line). */
const accepts = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.end();
      done(true);
    });
    socket.once("error", () => done(false));
  });

/**
 * Prism (`args`: its command and document) on a free port; its whole process group stops with this process.
 * Ready when its log says it listens or its port accepts a connection, polled: a busy machine only makes
 * that later. PRISM_START_LIMIT_S (default 600) is only the point of giving up on a Prism that never comes
 * up; the error then says what was seen: whether it still runs, its log, whether the port ever answered.
 */
async function startPrism(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(bin("prism"), [...args, "--host", "127.0.0.1", "--port", String(port)], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  process.on("exit", () => stop(child));
  let log = "";
  let exit: string | undefined;
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk));
  child.on("exit", (code, signal) => (exit = signal ? `killed by ${signal}` : `exited with code ${code}`));
  const limit = Number(process.env.PRISM_START_LIMIT_S ?? 600);
  const what = `Prism ${args[0]} ${args[1]} on port ${port} (pid ${child.pid})`;
  const seen = () => `its log: ${log.trim() ? `\n${log.trim()}` : "(nothing printed)"}`;
  for (let polls = 0; ; polls++) {
    if (log.includes("Prism is listening") || (await accepts(port))) break;
    if (exit) throw new Error(`${what} ${exit} before it listened; ${seen()}`);
    if (polls * 0.25 >= limit) {
      stop(child);
      throw new Error(
        `${what} still running but not listening after ${limit} s (PRISM_START_LIMIT_S), the port refusing ` +
          `connections; ${seen()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url: `http://127.0.0.1:${port}`, child };
}

/**
 * The contract suite as a consumer's CI runs it, from the tarball alone: `zoom-im-groups mock` as its own process,
 * a group of someone else's in it, then `zoom-im-groups verify --member-email …`: exit 0, all eight operations
 * answered, and the mock holds afterwards exactly what it held before. The subpath imports as documented.
 */
async function verifyInstalled(project: string, env: NodeJS.ProcessEnv): Promise<void> {
  const mock = spawn("npx", ["--no-install", "zoom-im-groups", "mock"], {
    cwd: project,
    env,
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  process.on("exit", () => stop(mock));
  try {
    const url = await new Promise<string>((done, reject) => {
      let out = "";
      mock.stdout?.on("data", (chunk: Buffer) => {
        out += chunk;
        const first = out.split("\n")[0] ?? "";
        if (out.includes("\n")) done(first.trim());
      });
      mock.on("exit", (code) => reject(new Error(`zoom-im-groups mock exited (${code}) before printing its URL`)));
    });
    const headers = { authorization: "Bearer consumer-token", "content-type": "application/json" };
    const created = await fetch(`${url}/im/groups`, { method: "POST", headers, body: '{"name":"Not ours"}' });
    if (created.status !== 201) throw new Error(`seeding the mock: HTTP ${created.status}`);
    const groups = async () => JSON.stringify(await (await fetch(`${url}/im/groups`, { headers })).json());
    const before = await groups();
    const verifyEnv = { ...env, ZOOM_API_URL: url, ZOOM_ACCESS_TOKEN: "consumer-token" };
    const args = ["--no-install", "zoom-im-groups", "verify", "--member-email", "qa@example.com", "--json"];
    const report = JSON.parse(run("npx", args, project, verifyEnv)) as { ok: boolean; operations: string[] };
    if (!report.ok || report.operations.length !== 8)
      throw new Error(`verify against the installed mock: ${JSON.stringify(report)}`);
    const after = await groups();
    if (after !== before) throw new Error(`verify changed the mock: before ${before}, after ${after}`);
    const exported = run(
      "node",
      [
        "--input-type=module",
        "-e",
        'const m = await import("zoom-im-groups/verify"); console.log(Object.keys(m).sort().join(","))',
      ],
      project,
    ).trim();
    if (exported !== "VERIFY_PREFIX,junitXml,verify") throw new Error(`zoom-im-groups/verify exports ${exported}`);
    console.log(
      `the installed CLI: verify --member-email against zoom-im-groups mock exits 0, ${report.operations.length} operations answered, the mock as it was; zoom-im-groups/verify imports`,
    );
  } finally {
    stop(mock);
  }
}

const work = await mkdtemp(join(tmpdir(), "zoom-im-groups-consumer-"));
try {
  // `npm test` builds first; packing without scripts keeps `prepack` from rebuilding dist/ while other stages read it.
  const [packed] = JSON.parse(run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], repoRoot));
  const tarball = join(work, packed.filename);
  console.log(`packed ${packed.filename} (${packed.files.length} files)`);
  console.log(`publint: ${run(bin("publint"), ["run", tarball, "--strict"], repoRoot).trim().split("\n").at(-1)}`);
  // esm-only is this package's deliberate shape ("type": "module"); every other problem fails.
  run(bin("attw"), [tarball, "--profile", "esm-only", "--format", "ascii"], repoRoot);
  console.log("attw: no problem under the esm-only profile");

  const project = join(work, "consumer");
  await mkdir(project);
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const mockPort = await freePort();
  const prisms = Promise.all([
    startPrism(["proxy", "spec/zoom-im-groups.openapi.yaml", `http://127.0.0.1:${mockPort}/v2`, "--errors"]),
    startPrism(["mock", "test/fixtures/upstream/zoom-marketplace.swagger.json"]),
  ]);
  prisms.catch(() => undefined); // awaited below; a failure to start is reported there
  // msw: the README's testing example imports it (an optional peer), at the version the lockfile pins.
  const msw = `msw@${JSON.parse(await readFile(resolve(repoRoot, "node_modules/msw/package.json"), "utf8")).version}`;
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball, msw], project);
  const consumers = ["consumer.ts", "family.ts"];
  for (const file of consumers) await copyFile(resolve(repoRoot, "scripts/consumer", file), join(project, file));
  // Every TypeScript example of the README, as a user pastes it, against the packed declarations.
  const readme = await readFile(resolve(repoRoot, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
  const examples = blocks.map((_, index) => `readme-${index + 1}.ts`);
  await Promise.all(
    blocks.map((code, index) => writeFile(join(project, `readme-${index + 1}.ts`), `${code}\nexport {};\n`)),
  );
  const typeRoots = resolve(repoRoot, "node_modules/@types");
  const strict = ["--strict", "--exactOptionalPropertyTypes", "--noEmit", "--skipLibCheck", "false"];
  const target = ["--target", "ES2022", "--module", "NodeNext", "--types", "node", "--typeRoots", typeRoots];
  run(bin("tsc"), [...strict, ...target, "--lib", "ES2023,DOM,DOM.Iterable", ...consumers, ...examples], project);
  console.log(
    `${consumers.join(" and ")} and the README's ${examples.length} TypeScript examples typecheck against the installed package`,
  );
  // The README's first command, as an installer runs it: the CLI from the tarball, against its embedded mock.
  const noCredentials = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("ZOOM_")));
  const first = run(
    "npx",
    ["--no-install", "zoom-im-groups", "create", "--mock", "--name", "Design team"],
    project,
    noCredentials,
  );
  if (!first.startsWith('Created IM group "Design team"'))
    throw new Error(`the README's first command printed:\n${first}`);
  const refused = spawnSync("npx", ["--no-install", "zoom-im-groups", "create", "--name", "Design team"], {
    cwd: project,
    env: noCredentials,
    encoding: "utf8",
  });
  if (refused.status !== 2 || !refused.stderr.includes("--mock"))
    throw new Error(`create without credentials: exit ${refused.status}, ${refused.stderr}`);
  console.log("the installed CLI: create --mock creates; create without credentials exits 2 naming --mock");
  await verifyInstalled(project, noCredentials);

  const [proxy, upstream] = await prisms;
  const env = { ...process.env, PROXY_URL: proxy.url, UPSTREAM_URL: upstream.url, MOCK_PORT: String(mockPort) };
  try {
    // One after the other: each starts the mock behind the validating Prism on MOCK_PORT and closes it.
    for (const file of consumers) {
      try {
        execFileSync(bin("tsx"), [file], { cwd: project, env, stdio: "inherit" });
      } catch {
        process.exitCode = 1; // the consumer printed which case failed
      }
    }
  } finally {
    for (const { child } of [proxy, upstream]) stop(child);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
