// Decides whether a crashed server is started again: a few times within a window, never forever.

/** What to do after the server process has stopped unexpectedly. */
export interface RestartDecision {
  readonly restart: boolean;
  /** How many crashes fell inside the window, this one included. */
  readonly crashesInWindow: number;
}

/** Counts crashes inside a sliding time window; the clock is passed in so that tests need no waiting. */
export class RestartPolicy {
  private readonly crashTimes: number[] = [];

  /**
   * @param maximumRestarts how many restarts are allowed inside one window
   * @param windowMilliseconds how far back crashes count
   */
  constructor(
    readonly maximumRestarts: number = 4,
    readonly windowMilliseconds: number = 3 * 60 * 1000,
  ) {}

  /** Records a crash at the given time and says whether to restart. */
  recordCrash(nowMilliseconds: number): RestartDecision {
    this.crashTimes.push(nowMilliseconds);
    while (this.crashTimes.length > 0 && nowMilliseconds - this.crashTimes[0] > this.windowMilliseconds) {
      this.crashTimes.shift();
    }
    return { restart: this.crashTimes.length <= this.maximumRestarts, crashesInWindow: this.crashTimes.length };
  }

  /** Forgets earlier crashes, as after a restart the user asked for. */
  reset(): void {
    this.crashTimes.length = 0;
  }
}
