/** Liveness and readiness for load balancers and orchestrators. */
import type { FastifyInstance } from 'fastify';

export default async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', async () => ({ status: 'ok' }));
  // Ready once the app has started; dependencies are reported per connector elsewhere,
  // since one failing agency must not take the gateway out of the load balancer.
  // With how many verifications run, wait, and may run at once now (src/capacity.ts).
  app.get('/readyz', async () => {
    const { capacity } = app.tongban;
    return { status: 'ready', connectors: app.tongban.hub.runtimes.size, verifications: { running: capacity.running, queued: capacity.queued, limit: capacity.limit } };
  });
}
