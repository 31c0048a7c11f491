/**
 * GET /v1/connectors: every registered connector: its agency, the data item it reads, the
 * API facts that use it, what it answers, its cache lifetimes, what its cache holds and its
 * breaker's state now; what all caches hold against the budget they share, and the whole
 * answers kept for requests sent again.
 * (Call counts, latencies and error rates come with the operations views.)
 */
import type { FastifyInstance } from 'fastify';
import { DATA_ITEMS } from '../../schemas/data-items.js';

export default async function connectorRoutes(app: FastifyInstance) {
  const { hub, answers } = app.tongban;
  app.get('/v1/connectors', async () => ({
    cache: { budgetBytes: hub.cacheBudget.maxBytes, estimatedBytes: hub.cacheBudget.bytes },
    // Whole answers kept for requests sent again (src/verification/answer-cache.ts); null when caching is off.
    answers: answers ? { entries: answers.size, budgetBytes: answers.budget.maxBytes, estimatedBytes: answers.bytes } : null,
    connectors: [...hub.runtimes.values()].map((r) => {
      const item = r.definition.dataItem;
      return {
        id: r.id,
        agency: r.agency,
        agencyName: hub.agencyName(r.agency),
        dataItem: item ? { id: item, ...DATA_ITEMS[item] } : null,
        facts: hub.factsUsing(r.id),
        title: r.definition.title,
        ttl: { foundMs: r.definition.ttl.foundMs, notFoundMs: r.definition.ttl.notFoundMs },
        breaker: r.state,
        cache: { entries: r.cache.size, estimatedBytes: r.cache.bytes },
      };
    }),
  }));
}
