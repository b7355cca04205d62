/** Lets the clock move past records written "now" (the upper bound is fixed when a run starts). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 3));
}
