/** For tests that show slow work (scrypt, a worker) leaves the event loop free. */

/** Runs `work` and counts the event-loop turns (setImmediate callbacks) that ran before it settled. */
export async function turnsWhile<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let done = false;
  const spin = () => {
    if (done) return;
    turns += 1;
    setImmediate(spin);
  };
  setImmediate(spin);
  try {
    return { value: await work(), turns };
  } finally {
    done = true;
  }
}
