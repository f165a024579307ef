# syntax=docker/dockerfile:1
# Account Graph: build with the dev dependencies, run with the production ones only.
#   docker build -t account-graph .
#   docker run --rm -p 4000:4000 -e LOGINRADIUS_API_KEY=... -e LOGINRADIUS_API_SECRET=... account-graph
#   docker run --rm -p 4000:4000 -e EMULATOR=true account-graph    (the demo: refused without EMULATOR=true)

FROM node:26-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The npm cache lives in a BuildKit cache mount: reused across builds, never in a layer.
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

FROM node:26-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund --ignore-scripts
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
# slim images have no curl: Node's fetch asks /healthz (process alive); orchestrators that can
# should probe /readyz for traffic instead.
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 and handles SIGTERM itself (drain, then exit 0); no npm or shell in between.
# The V8 flags: scripts/node-flags.mjs says why.
CMD ["node", "--max-old-space-size=512", "--max-semi-space-size=16", "--v8-pool-size=2", "dist/main.js"]
