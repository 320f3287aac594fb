# syntax=docker/dockerfile:1
#
# The Zoho Assist subgraph as a production image.
#   docker build -t zoho-assist-subgraph .
#   docker run -p 4001:4001 -e ZOHO_CLIENT_ID=… -e ZOHO_CLIENT_SECRET=… -e ZOHO_REFRESH_TOKEN=… zoho-assist-subgraph
# Configuration is environment only (src/config/index.ts, the table in docs/configuration.md); no secret is baked into a layer.

# ---- build: compile TypeScript with the dev dependencies --------------------------------------------------
FROM node:24-slim AS build
WORKDIR /app
# The lockfile alone first, so the dependency layer is reused until it changes.
COPY package.json package-lock.json ./
# No install scripts: the build needs only tsc, and the slim image has no toolchain for native rebuilds.
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build

# ---- runtime: production dependencies, compiled output and the files read at run time ----------------------
FROM node:24-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
# Read at run time: the upstream contracts of both dialects (validation, embedded emulator) and the GraphQL
# schema files.
COPY contract/__generated__/seed.openapi.json contract/__generated__/live.openapi.json ./contract/__generated__/
COPY schema ./schema
# Everything above is owned by root and only readable by the process: it cannot rewrite its own code.
USER node
EXPOSE 4001
# No curl in the slim image; node's fetch does the probe. PORT is honoured if the deployment changes it.
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4001) + '/health/live', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and receives SIGTERM itself, so the graceful drain (SHUTDOWN_DRAIN_MS) runs. Source
# maps (emitted by the build) make logged stack traces name src/*.ts lines. A 16 MB semi-space keeps V8's young
# generation from growing to its 24 GB-host size: a stream of unique hostile documents peaks at 238 MB instead of
# 337 (docs/reliability.md), for 2-8 % more CPU per operation (docs/performance.md).
CMD ["node", "--max-semi-space-size=16", "--enable-source-maps", "dist/src/main.js"]
