/** The V8 flags the service runs with (see node-flags.mjs). */
export declare const NODE_FLAGS: readonly string[];
