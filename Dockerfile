# Homeward, built from source. Used by docker-compose.yml. Not exercised on the build machines
# (no Docker engine there): test/e2e/docker-files.e2e-spec.ts only checks its structure.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# Homeward binds 127.0.0.1 by default; in a container that is unreachable from outside it.
ENV HOST=0.0.0.0
# The embedded store (PGlite) when no DATABASE_URL is given: keep it on a volume.
ENV DATA_DIR=/data
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
# The image's own unprivileged user (uid 1000); the data directory is its, not root's.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness: the slim image has no curl, so Node's fetch asks /health/live on the service's port.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/homeward/src/main.js"]
