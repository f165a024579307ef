// The V8 heap the service runs with wherever it runs for real: `npm start`, the Docker image's
// CMD, and the bench (test/heap-flags.test.ts keeps the three equal to this list).
//
// Why: V8 sizes its heap from the machine, not the container. With a default limit of 2 GB or
// more (any machine with 16 GB of RAM) it lets the old generation grow to 4x what survived the
// last full GC before collecting again: a live heap of about 40 MB peaked at 300-350 MB RSS
// under load. A 512 MB limit makes that factor about 1.4 (peak about 150 MB RSS), still far
// above anything the service keeps alive (its queues, caches and bodies are bounded). V8 would
// also shrink the young generation with the limit (to 4 MB semi-spaces): objects of requests
// still in flight would then be promoted and collected by full GCs, so it stays at 16 MB.
export const HEAP_FLAGS = ["--max-old-space-size=512", "--max-semi-space-size=16"];
