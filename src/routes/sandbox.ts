/**
 * The sandbox's fault switches (DESIGN.md §5): break a mock agency on purpose, at run time,
 * for the whole agency or one of its interfaces. Registered only when the sandbox runs the
 * mocks in this process (src/app.ts); a gateway at real agencies has no such routes (404).
 *
 * - `GET /v1/sandbox/faults`: every mock agency, its fault (or null) and its interfaces.
 * - `PUT /v1/sandbox/faults/:agency` with `{"kind": …, "interface"?: …, …parameters}`:
 *   switches that fault on (replacing any other); 200 with the agency's state, the fault's
 *   defaults filled in. Answered once the fault is in force (`outage`: the port closed).
 * - `DELETE /v1/sandbox/faults/:agency`: switches it off; 204 once the agency answers again
 *   (`outage`: listening on the same port).
 *
 * The kinds and their parameters are the mock kit's (mocks/kit/faults.ts): the body schema
 * is made from them. An unknown agency is a 404; a body the schema or the kit refuses is a
 * 400 whose details name the field and what was expected.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FAULT_KINDS, FaultParameterError, type Fault, type FaultParameter } from '../../mocks/kit/faults.js';
import type { RunningMock } from '../../mocks/types.js';
import { Nullable, StringEnum } from '../../schemas/common.js';
import { GatewayError } from '../errors.js';

export interface SandboxRoutesOptions {
  /** The running mock agencies, by agency id. */
  mocks: ReadonlyMap<string, RunningMock>;
}

/** Every kind's parameters, by name (a name means the same in every kind that takes it). */
function parameterSchemas(): Record<string, TSchema> {
  const specs = new Map<string, FaultParameter>();
  for (const kind of Object.values(FAULT_KINDS)) {
    for (const [name, spec] of Object.entries(kind.params)) {
      const known = specs.get(name);
      if (known && JSON.stringify(known) !== JSON.stringify(spec)) throw new Error(`fault parameter ${name} means two things`);
      specs.set(name, spec);
    }
  }
  const kindsOf = (name: string) => Object.keys(FAULT_KINDS).filter((k) => Object.hasOwn(FAULT_KINDS[k]!.params, name)).join(', ');
  return Object.fromEntries([...specs].map(([name, spec]) => {
    const description = `${spec.description} (${kindsOf(name)}${spec.default === undefined ? ', required' : `, default ${spec.default}`})`;
    const options = { minimum: spec.minimum, maximum: spec.maximum, description };
    return [name, Type.Optional(spec.integer ? Type.Integer(options) : Type.Number(options))];
  }));
}

/** A fault as PUT, and as answered (with its defaults). Which parameters a kind takes is checked by the kit. */
export const SandboxFault = Type.Object({
  kind: StringEnum(Object.keys(FAULT_KINDS), { description: 'the kind of fault (mocks/kit/faults.ts)' }),
  interface: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "one of the agency's interfaces; absent: all of them" })),
  ...parameterSchemas(),
}, { additionalProperties: false });
export type SandboxFault = Static<typeof SandboxFault>;

export const SandboxAgencyFault = Type.Object({
  agency: Type.String(),
  fault: Nullable(SandboxFault),
  /** What `interface` may name. */
  interfaces: Type.Array(Type.String()),
}, { additionalProperties: false });

export const SandboxFaultList = Type.Object({ faults: Type.Array(SandboxAgencyFault) }, { additionalProperties: false });

interface AgencyParams { agency: string }

export default async function sandboxRoutes(app: FastifyInstance, options: SandboxRoutesOptions) {
  const { mocks } = options;

  const state = (agency: string, mock: RunningMock): Static<typeof SandboxAgencyFault> => ({
    agency,
    fault: (mock.faults.current as SandboxFault | undefined) ?? null,
    interfaces: [...mock.faults.interfaces],
  });

  /** The agency's mock, or a 404 (the name is not repeated: it is the client's). */
  const mockOf = (request: FastifyRequest<{ Params: AgencyParams }>): RunningMock => {
    const mock = mocks.get(request.params.agency);
    if (mock) return mock;
    throw new GatewayError('TONGBAN_ERR_NOT_FOUND', [], `No mock agency of that name runs in this sandbox; the agencies are: ${[...mocks.keys()].join(', ')}.`);
  };
  // Before the body is validated: an unknown agency is a 404 whatever the body says.
  const knownAgency = async (request: FastifyRequest<{ Params: AgencyParams }>) => {
    mockOf(request);
  };

  app.get('/v1/sandbox/faults', { schema: { response: { 200: SandboxFaultList } } }, async () => ({
    faults: [...mocks].map(([agency, mock]) => state(agency, mock)),
  }));

  app.put<{ Params: AgencyParams; Body: SandboxFault }>('/v1/sandbox/faults/:agency', {
    schema: { body: SandboxFault, response: { 200: SandboxAgencyFault } },
    preValidation: knownAgency,
  }, async (request) => {
    const mock = mockOf(request);
    try {
      await mock.faults.set(request.body as Fault);
    } catch (err) {
      if (err instanceof FaultParameterError) throw new GatewayError('TONGBAN_ERR_VALIDATION', [{ path: `/${err.parameter}`, message: err.expected }]);
      throw err;
    }
    return state(request.params.agency, mock);
  });

  app.delete<{ Params: AgencyParams }>('/v1/sandbox/faults/:agency', { preValidation: knownAgency }, async (request, reply) => {
    await mockOf(request).faults.clear();
    return reply.code(204).send();
  });
}
