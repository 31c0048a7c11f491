/** Liveness and readiness for load balancers and orchestrators. */
import type { FastifyInstance } from 'fastify';

export default async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', async () => ({ status: 'ok' }));
  // Ready once the app has started; dependencies are reported per connector elsewhere,
  // since one failing agency must not take the gateway out of the load balancer.
  app.get('/readyz', async () => ({ status: 'ready', connectors: app.tongban.hub.runtimes.size }));
}
