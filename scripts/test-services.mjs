// `npm test`'s first step (pretest), and .ci/run's through it: the real services the suite uses
// are on this machine, or it stops at once with the one command that installs them.
//   redis-server: the shared rate-limit tests start one on a free loopback port;
//   chromium:     the GraphiQL browser test drives it through playwright-core.
// Both are Debian packages. When one is missing and apt-get can run (root, or sudo without a
// password), they are installed; TEST_SERVICES_INSTALL=false only reports. Nothing is mocked.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";

/** What the suite needs: a binary and the Debian package that ships it. */
export const SERVICES = [
  { name: "redis-server", pkg: "redis-server", find: () => onPath("redis-server") },
  { name: "chromium", pkg: "chromium", find: () => executable("/usr/bin/chromium") },
];

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const onPath = (bin) =>
  (process.env.PATH ?? "").split(delimiter).some((dir) => dir !== "" && executable(join(dir, bin)));

const runs = (command, args) => spawnSync(command, args, { stdio: "ignore" }).status === 0;

/** The command a person runs to install `packages` (sudo unless they are root). */
export const installCommand = (packages, root) =>
  `${root ? "" : "sudo "}apt-get update && ${root ? "" : "sudo "}apt-get install -y --no-install-recommends ${packages.join(" ")}`;

/**
 * What to do, from what is missing and what this user can run: nothing, install (argv lists), or
 * stop with the command to give the user. Pure, so its choices are tested without apt.
 */
export const plan = ({ missing, root, sudo, aptGet, allowed }) => {
  if (missing.length === 0) return { action: "none" };
  const command = installCommand(missing, root);
  if (!allowed) return { action: "stop", command, why: "TEST_SERVICES_INSTALL=false" };
  if (!aptGet) return { action: "stop", command, why: "apt-get is not on this machine" };
  if (!root && !sudo) return { action: "stop", command, why: "installing needs root" };
  const prefix = root ? [] : ["sudo", "-n"];
  return {
    action: "install",
    command,
    steps: [
      [...prefix, "apt-get", "update", "-qq"],
      [
        ...prefix,
        "env",
        "DEBIAN_FRONTEND=noninteractive",
        "apt-get",
        "install",
        "-y",
        "-qq",
        "--no-install-recommends",
        ...missing,
      ],
    ],
  };
};

const main = () => {
  const missing = SERVICES.filter((service) => !service.find()).map((service) => service.pkg);
  const root = process.getuid?.() === 0;
  const decided = plan({
    missing,
    root,
    sudo: !root && missing.length > 0 && runs("sudo", ["-n", "true"]),
    aptGet: onPath("apt-get"),
    allowed: process.env.TEST_SERVICES_INSTALL !== "false",
  });
  if (decided.action === "none") return 0;
  if (decided.action === "stop") {
    console.error(
      `The tests need ${missing.join(" and ")} (${decided.why}). Install with:\n  ${decided.command}`,
    );
    return 1;
  }
  console.error(`Installing what the tests need: ${missing.join(", ")} (Debian packages).`);
  for (const [command, ...args] of decided.steps) {
    const ran = spawnSync(command, args, { stdio: ["ignore", "ignore", "inherit"] });
    if (ran.status !== 0) {
      console.error(
        `'${[command, ...args].join(" ")}' failed. Install with:\n  ${decided.command}`,
      );
      return 1;
    }
  }
  const still = SERVICES.filter((service) => !service.find()).map((service) => service.name);
  if (still.length === 0) return 0;
  console.error(`Still missing after the install: ${still.join(", ")}.`);
  return 1;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exit(main());
