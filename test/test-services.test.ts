import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script (npm test's pretest step), no type declarations
import { installCommand, plan } from "../scripts/test-services.mjs";

const SCRIPT = "scripts/test-services.mjs";

describe("npm test's pretest step: the real services the suite needs", () => {
  it("does nothing when both are installed", () => {
    expect(plan({ missing: [], root: false, sudo: false, aptGet: false, allowed: true })).toEqual({
      action: "none",
    });
  });

  it("installs with apt-get as root, through sudo -n otherwise", () => {
    const asRoot = plan({
      missing: ["chromium"],
      root: true,
      sudo: false,
      aptGet: true,
      allowed: true,
    });
    expect(asRoot.action).toBe("install");
    expect(asRoot.steps[1]).toContain("chromium");
    expect(asRoot.steps[0][0]).toBe("apt-get");
    const withSudo = plan({
      missing: ["redis-server", "chromium"],
      root: false,
      sudo: true,
      aptGet: true,
      allowed: true,
    });
    expect(withSudo.steps[0].slice(0, 3)).toEqual(["sudo", "-n", "apt-get"]);
    expect(withSudo.steps[1].slice(-2)).toEqual(["redis-server", "chromium"]);
  });

  it("stops with the one command to run when it cannot or may not install", () => {
    const cases = [
      { root: false, sudo: false, aptGet: true, allowed: true, why: "root" },
      { root: true, sudo: false, aptGet: false, allowed: true, why: "apt-get" },
      { root: true, sudo: false, aptGet: true, allowed: false, why: "TEST_SERVICES_INSTALL" },
    ];
    for (const { why, ...machine } of cases) {
      const decided = plan({ missing: ["redis-server"], ...machine });
      expect(decided.action).toBe("stop");
      expect(decided.why).toContain(why);
      expect(decided.command).toBe(installCommand(["redis-server"], machine.root));
    }
    expect(installCommand(["redis-server", "chromium"], false)).toBe(
      "sudo apt-get update && sudo apt-get install -y --no-install-recommends redis-server chromium",
    );
  });

  it("passes quietly on this machine, where .ci/run's own run of it installed both", () => {
    const ran = spawnSync(process.execPath, [SCRIPT], { encoding: "utf8" });
    expect(ran.stderr).toBe("");
    expect(ran.status).toBe(0);
  });

  it("names the missing binary and the install command, and exits 1, when it may not install", () => {
    const ran = spawnSync(process.execPath, [SCRIPT], {
      encoding: "utf8",
      env: { PATH: "/nonexistent", TEST_SERVICES_INSTALL: "false" },
    });
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain("redis-server");
    expect(ran.stderr).toMatch(/apt-get install -y --no-install-recommends redis-server/);
  });
});
