// Tests that a crashing server is restarted a few times within a window, never forever.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { RestartPolicy } from "../src/restartPolicy";

describe("RestartPolicy", () => {
  test("restarts four times within three minutes, then gives up", () => {
    const policy = new RestartPolicy(4, 180_000);
    const decisions = [0, 10_000, 20_000, 30_000, 40_000].map((time) => policy.recordCrash(time));
    assert.deepEqual(decisions.map((decision) => decision.restart), [true, true, true, true, false]);
    assert.equal(decisions[4].crashesInWindow, 5);
  });

  test("forgets crashes older than the window, so a rare crash is always restarted", () => {
    const policy = new RestartPolicy(2, 60_000);
    assert.equal(policy.recordCrash(0).restart, true);
    assert.equal(policy.recordCrash(30_000).restart, true);
    assert.equal(policy.recordCrash(100_000).crashesInWindow, 1);
    assert.equal(policy.recordCrash(200_000).restart, true);
  });

  test("keeps refusing while crashes go on inside the window", () => {
    const policy = new RestartPolicy(1, 60_000);
    assert.equal(policy.recordCrash(0).restart, true);
    assert.equal(policy.recordCrash(1_000).restart, false);
    assert.equal(policy.recordCrash(2_000).restart, false);
  });

  test("starts counting again after reset, as after the Restart Server command", () => {
    const policy = new RestartPolicy(1, 60_000);
    policy.recordCrash(0);
    assert.equal(policy.recordCrash(1_000).restart, false);
    policy.reset();
    assert.equal(policy.recordCrash(2_000).restart, true);
  });
});
