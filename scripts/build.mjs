// `npm run build`: compiles src/ (tests excluded) to dist/ with tsc and stamps it for `npm start`.
import { build } from "./dist.mjs";

process.exit(build() ? 0 : 1);
