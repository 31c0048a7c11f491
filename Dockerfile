# Tongban gateway. Build: docker build -t tongban .
# Run (sandbox, mock agencies embedded): docker run -p 8080:8080 tongban
# Run (real agencies): mount a config and pass its secrets:
#   docker run -p 8080:8080 -v $PWD/prod.json:/etc/tongban.json -e TONGBAN_CONFIG=/etc/tongban.json \
#     -e TONGBAN_SUBJECT_KEY_SECRET=… tongban
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY connectors ./connectors
COPY schemas ./schemas
COPY mocks ./mocks
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 TONGBAN_DATA_DIR=/app/data
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/src/config ./src/config
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8080
CMD ["node", "dist/src/main.js"]
