// The V8 settings the service runs with wherever it runs for real: `npm start`, the Docker image's
// CMD, and the bench (test/dockerfile.test.ts keeps the three equal to this list).
//
// Heap. V8 sizes its heap from the machine, not the container. With a default limit of 2 GB or
// more (any machine with 16 GB of RAM) it lets the old generation grow to 4x what survived the
// last full GC before collecting again: a live heap of about 40 MB peaked at 300-350 MB RSS
// under load. A 512 MB limit makes that factor about 1.4 (peak about 165 MB RSS), still far
// above anything the service keeps alive (its queues, caches and bodies are bounded). V8 would
// also size the young generation from the limit (4 MB semi-spaces, more scavenges and more
// promotion), so it stays at 16 MB.
//
// Worker pool. Node starts 4 V8 worker threads (concurrent marking, sweeping, parallel
// scavenges, compiles) whatever the CPUs. On 2 cores they competed with the event loop: p99 at
// 10 connections and 20 ms upstream was 30-35 ms with 4 workers, 27-29 ms with 2 (direct call:
// 23-24 ms). 2 fits the 1-2 vCPUs a service like this is usually given; raise it with the CPUs.
export const NODE_FLAGS = [
  "--max-old-space-size=512",
  "--max-semi-space-size=16",
  "--v8-pool-size=2",
];
