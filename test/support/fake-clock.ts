/** A clock tests move by hand; starts mid-June 2025 so `asOf` is 2025-06. */
export interface FakeClock {
  now: () => Date;
  advance: (ms: number) => void;
  set: (iso: string) => void;
}

/** Creates a fake clock at `start`. */
export function fakeClock(start = '2025-06-15T12:00:00.000Z'): FakeClock {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (iso) => {
      t = Date.parse(iso);
    },
  };
}
