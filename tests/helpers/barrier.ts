// Resolves for each caller once `parties` callers have arrived: holds concurrent transactions at
// the same point so that a race between them really happens.
export function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  return () =>
    new Promise<void>((resolve) => {
      arrived++;
      const wait = () => (arrived >= parties ? resolve() : setTimeout(wait, 10));
      wait();
    });
}
