/**
 * GET /v1/checks: the check catalog (each check's parameters as a JSON Schema, whether it
 * needs a reference date, the facts it reads, the paper proof that stands in for it).
 * GET /v1/profiles: the admission profiles this gateway is configured with, requirements
 * and alternatives spelled out, so a platform can show parents what is checked.
 */
import type { FastifyInstance } from 'fastify';
import { CHECKS } from '../checks/index.js';

export default async function checkRoutes(app: FastifyInstance) {
  const { profiles } = app.tongban;
  const catalog = {
    checks: CHECKS.map((c) => ({
      type: c.type,
      title: c.title,
      params: c.params,
      subjectParams: c.subjects,
      usesAsOf: c.usesAsOf,
      paperProof: c.paperProof,
    })),
  };
  app.get('/v1/checks', async () => catalog);

  const listed = {
    profiles: [...profiles.values()].map((p) => ({
      name: p.name,
      title: p.title,
      purpose: p.purpose,
      asOf: p.asOf,
      needsSchoolCode: p.usesSchool,
      requirements: p.requirements.map((r) => ({
        id: r.id,
        title: r.title,
        submitInstead: r.submitInstead,
        anyOf: r.anyOf.map((a) => ({
          id: a.id,
          title: a.title,
          checks: a.checks.map((c) => ({ id: c.id, type: c.def.type, params: c.template, ...(c.perGuardian ? { guardians: c.perGuardian } : {}) })),
        })),
      })),
    })),
  };
  app.get('/v1/profiles', async () => listed);
}
